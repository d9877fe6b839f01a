package tsconfig

import (
	"encoding/json"
	"path/filepath"
	"strings"
)

// nestCLINames are the file names the Nest CLI accepts for its
// configuration, in the order it tries them.
var nestCLINames = []string{"nest-cli.json", ".nestcli.json", ".nest-cli.json", "nest.json"}

// NestCLI is the part of a nest-cli.json the linter uses. Paths in it are
// made absolute against the directory of the nest-cli.json file.
type NestCLI struct {
	// Path is the absolute path of the nest-cli.json file.
	Path string
	// Builder is the top-level compilerOptions.builder lower-cased: "swc",
	// "tsc", "webpack", or "" when unset. The legacy
	// compilerOptions.webpack: true counts as "webpack" when builder is
	// unset.
	Builder string
	// SourceRoot is the absolute top-level sourceRoot, "" when unset (the
	// Nest CLI then uses "src").
	SourceRoot string
	// TsConfigPath is the absolute top-level compilerOptions.tsConfigPath,
	// "" when unset.
	TsConfigPath string
	// Monorepo is the top-level "monorepo" flag.
	Monorepo bool
	// Projects holds the monorepo projects by name; nil when there are none.
	Projects map[string]NestProject
}

// NestProject is one entry of nest-cli.json "projects".
type NestProject struct {
	// Type is "application" or "library" as written.
	Type string
	// Root is the absolute project root, "" when unset.
	Root string
	// SourceRoot is the absolute project sourceRoot, "" when unset.
	SourceRoot string
	// TsConfigPath is the absolute compilerOptions.tsConfigPath, "" when
	// unset.
	TsConfigPath string
	// Builder is the project's own compilerOptions.builder (see
	// NestCLI.Builder), "" when unset.
	Builder string
}

type nestResult struct {
	cli *NestCLI
	err error
}

// NestCLIFor returns the nest-cli.json governing the file at absPath: the
// nearest one in the file's directory or above it (searching up to the
// loader's root limit). It returns (nil, nil) when there is none and a
// *ParseError when the file is malformed.
func (l *Loader) NestCLIFor(absPath string) (*NestCLI, error) {
	p := l.findUp(filepath.Dir(filepath.Clean(absPath)), l.nestDir, nestCLINames)
	if p == "" {
		return nil, nil
	}
	l.mu.Lock()
	r, ok := l.nest[p]
	l.mu.Unlock()
	if ok {
		return r.cli, r.err
	}
	cli, err := parseNestCLI(p)
	l.mu.Lock()
	defer l.mu.Unlock()
	if r, ok := l.nest[p]; ok {
		return r.cli, r.err
	}
	l.nest[p] = &nestResult{cli, err}
	return cli, err
}

func parseNestCLI(path string) (*NestCLI, error) {
	obj, err := readJSONC(path)
	if err != nil {
		return nil, err
	}
	dir := filepath.Dir(path)
	abs := func(raw json.RawMessage) string {
		s, ok := decodeString(raw)
		if !ok || s == "" {
			return ""
		}
		if filepath.IsAbs(s) {
			return filepath.Clean(s)
		}
		return filepath.Join(dir, filepath.FromSlash(s))
	}
	n := &NestCLI{Path: path, SourceRoot: abs(obj["sourceRoot"])}
	_ = json.Unmarshal(obj["monorepo"], &n.Monorepo)
	opts, _ := decodeObject(obj["compilerOptions"])
	n.Builder = nestBuilder(opts)
	n.TsConfigPath = abs(opts["tsConfigPath"])
	if projects, ok := decodeObject(obj["projects"]); ok {
		n.Projects = make(map[string]NestProject, len(projects))
		for name, raw := range projects {
			p, ok := decodeObject(raw)
			if !ok {
				continue
			}
			popts, _ := decodeObject(p["compilerOptions"])
			typ, _ := decodeString(p["type"])
			n.Projects[name] = NestProject{
				Type:         typ,
				Root:         abs(p["root"]),
				SourceRoot:   abs(p["sourceRoot"]),
				TsConfigPath: abs(popts["tsConfigPath"]),
				Builder:      nestBuilder(popts),
			}
		}
	}
	return n, nil
}

// nestBuilder reads compilerOptions.builder, a string ("swc") or an object
// ({"type": "swc", "options": {...}}), falling back to the legacy
// "webpack": true flag.
func nestBuilder(opts map[string]json.RawMessage) string {
	raw := opts["builder"]
	if s, ok := decodeString(raw); ok && s != "" {
		return strings.ToLower(s)
	}
	if obj, ok := decodeObject(raw); ok {
		if s, ok := decodeString(obj["type"]); ok && s != "" {
			return strings.ToLower(s)
		}
	}
	var webpack bool
	if json.Unmarshal(opts["webpack"], &webpack) == nil && webpack {
		return "webpack"
	}
	return ""
}

// BuilderFor returns the builder that compiles the file at absPath: the
// builder of the project whose root contains the file (the deepest such
// root when roots nest) when that project sets one, else the top-level
// Builder, as the Nest CLI lays project compilerOptions over the top-level
// ones. A nil NestCLI yields "".
func (n *NestCLI) BuilderFor(absPath string) string {
	if n == nil {
		return ""
	}
	absPath = filepath.Clean(absPath)
	best, bestLen := "", -1
	for _, p := range n.Projects {
		if p.Root == "" {
			continue
		}
		if _, ok := within(p.Root, absPath); ok && len(p.Root) > bestLen {
			best, bestLen = p.Builder, len(p.Root)
		}
	}
	if best != "" {
		return best
	}
	return n.Builder
}

// TsConfigFor returns the tsconfig the Nest CLI builds the file at absPath
// with: the compilerOptions.tsConfigPath of the project whose root holds
// the file (the deepest), else the top-level one, else "".
func (n *NestCLI) TsConfigFor(absPath string) string {
	if n == nil {
		return ""
	}
	absPath = filepath.Clean(absPath)
	best, bestLen := "", -1
	for _, p := range n.Projects {
		if p.Root == "" || p.TsConfigPath == "" {
			continue
		}
		if _, ok := within(p.Root, absPath); ok && len(p.Root) > bestLen {
			best, bestLen = p.TsConfigPath, len(p.Root)
		}
	}
	if best != "" {
		return best
	}
	return n.TsConfigPath
}
