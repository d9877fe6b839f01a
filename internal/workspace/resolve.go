package workspace

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
)

// Conditions are the package.json "exports" conditions nestlint follows,
// in the sense of Node's algorithm: the first key of a conditions object
// that is in this set wins. "types" comes first because it usually points
// into the same build folder as the code, and every target is mapped back
// to its TypeScript source anyway.
var Conditions = map[string]bool{"types": true, "import": true, "require": true, "default": true, "node": true}

// OutDirs maps a package's build output back to its sources: each pair is
// an absolute outDir and the rootDir its files come from, as the
// package's tsconfig says.
type OutDirs func(pkgDir string) []OutDir

// OutDir is one outDir → rootDir pair of a tsconfig.
type OutDir struct{ Out, Root string }

// Resolve resolves a bare specifier that names a workspace package to the
// TypeScript source file behind it. It follows, in order, the package's
// "exports" (string, array, conditions and subpath maps with "*"
// patterns), then "types"/"typings", "module" and "main" for the package
// root, or the deep path for a subpath; each target is mapped to its
// source: a TypeScript file as written, the same path with a TypeScript
// extension, the outDir → rootDir mapping of the package's tsconfig
// (dist/index.js → src/index.ts), then the conventional build folders
// (dist, build, build/main, lib, out) swapped for src. src/index.ts is the
// last fallback for the package root. exists reports whether a candidate
// absolute path is a source file of the program.
func (w *Workspace) Resolve(spec string, outDirs OutDirs, exists func(string) bool) (string, bool) {
	if w == nil {
		return "", false
	}
	name, sub := SplitSpecifier(spec)
	p := w.byName[name]
	if p == nil || p.Manifest == nil {
		return "", false
	}
	var targets []string
	if len(bytes.TrimSpace(p.Manifest.Exports)) > 0 && string(bytes.TrimSpace(p.Manifest.Exports)) != "null" {
		key := "."
		if sub != "" {
			key = "./" + sub
		}
		targets = ExportsTargets(p.Manifest.Exports, key)
	}
	if sub == "" {
		for _, t := range []string{p.Manifest.Types, p.Manifest.Module, p.Manifest.Main} {
			if t != "" {
				targets = append(targets, t)
			}
		}
		targets = append(targets, "index")
	} else {
		targets = append(targets, sub)
	}
	var outs []OutDir
	if outDirs != nil {
		outs = outDirs(p.Dir)
	}
	for _, t := range targets {
		abs := filepath.Join(p.Dir, filepath.FromSlash(t))
		if !within(p.Dir, abs) {
			continue
		}
		if f := toSource(p.Dir, abs, outs, exists); f != "" {
			return f, true
		}
	}
	if sub == "" {
		for _, f := range []string{"src/index.ts", "src/index.tsx", "index.ts"} {
			if c := filepath.Join(p.Dir, filepath.FromSlash(f)); exists(c) {
				return c, true
			}
		}
	} else {
		if f := trySource(filepath.Join(p.Dir, "src", filepath.FromSlash(sub)), exists); f != "" {
			return f, true
		}
	}
	return "", false
}

// buildDirs are the conventional build output folders, longest first.
var buildDirs = []string{"build/main", "build/module", "dist/cjs", "dist/esm", "dist/src", "dist", "build", "lib", "out"}

// toSource maps a target path inside a package to its TypeScript source.
func toSource(pkgDir, abs string, outs []OutDir, exists func(string) bool) string {
	if f := trySource(abs, exists); f != "" {
		return f
	}
	for _, o := range outs {
		if o.Out == "" || !within(o.Out, abs) {
			continue
		}
		rel, _ := filepath.Rel(o.Out, abs)
		if f := trySource(filepath.Join(o.Root, rel), exists); f != "" {
			return f
		}
	}
	rel := relSlash(pkgDir, abs)
	for _, b := range buildDirs {
		if rest, ok := strings.CutPrefix(rel, b+"/"); ok {
			if f := trySource(filepath.Join(pkgDir, "src", filepath.FromSlash(rest)), exists); f != "" {
				return f
			}
			if f := trySource(filepath.Join(pkgDir, filepath.FromSlash(rest)), exists); f != "" {
				return f
			}
		}
	}
	return ""
}

// trySource tries p as a TypeScript source: as written, with a JavaScript
// or declaration extension swapped for a TypeScript one, with one appended,
// and as a folder with an index file.
func trySource(p string, exists func(string) bool) string {
	if isTS(p) && exists(p) {
		return p
	}
	base := p
	for _, ext := range []string{".d.ts", ".d.mts", ".d.cts", ".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".mts", ".cts"} {
		if b, ok := strings.CutSuffix(p, ext); ok {
			base = b
			break
		}
	}
	for _, ext := range []string{".ts", ".tsx", ".mts", ".cts"} {
		if exists(base + ext) {
			return base + ext
		}
	}
	for _, idx := range []string{"index.ts", "index.tsx", "index.mts"} {
		if c := filepath.Join(base, idx); exists(c) {
			return c
		}
	}
	return ""
}

func isTS(p string) bool {
	if strings.HasSuffix(p, ".d.ts") || strings.HasSuffix(p, ".d.mts") || strings.HasSuffix(p, ".d.cts") {
		return false
	}
	switch filepath.Ext(p) {
	case ".ts", ".tsx", ".mts", ".cts":
		return true
	}
	return false
}

// ExportsTargets returns the targets, in the order to try, that a
// package.json "exports" value gives for the subpath key ("." or
// "./sub"): the string forms, arrays of fallbacks, condition objects (keys
// in Conditions, in the object's own order) and subpath maps with exact
// keys, "*" patterns (longest prefix wins) and legacy folder keys ending in
// "/". A null target excludes the subpath.
func ExportsTargets(exports json.RawMessage, key string) []string {
	v, ok := decodeOrdered(exports)
	if !ok {
		return nil
	}
	if obj, isObj := v.(ordered); isObj && len(obj) > 0 && strings.HasPrefix(obj[0].key, ".") {
		// a subpath map
		for _, kv := range obj {
			if kv.key == key {
				return targetsOf(kv.val, "")
			}
		}
		best, bestStar := -1, ""
		for i, kv := range obj {
			pre, post, hasStar := strings.Cut(kv.key, "*")
			switch {
			case hasStar:
				if strings.HasPrefix(key, pre) && strings.HasSuffix(key, post) && len(key) >= len(pre)+len(post) {
					if best < 0 || len(pre) > len(strings.SplitN(obj[best].key, "*", 2)[0]) {
						best, bestStar = i, key[len(pre):len(key)-len(post)]
					}
				}
			case strings.HasSuffix(kv.key, "/") && strings.HasPrefix(key, kv.key):
				if best < 0 {
					best, bestStar = i, "\x00"+key[len(kv.key):]
				}
			}
		}
		if best < 0 {
			return nil
		}
		if folder, ok := strings.CutPrefix(bestStar, "\x00"); ok {
			var out []string
			for _, t := range targetsOf(obj[best].val, "") {
				out = append(out, t+folder)
			}
			return out
		}
		return targetsOf(obj[best].val, bestStar)
	}
	if key != "." {
		return nil
	}
	return targetsOf(v, "")
}

// targetsOf flattens one exports target: strings (with "*" replaced by
// star), arrays in order, condition objects in key order.
func targetsOf(v any, star string) []string {
	switch t := v.(type) {
	case string:
		if star != "" {
			t = strings.ReplaceAll(t, "*", star)
		}
		return []string{t}
	case []any:
		var out []string
		for _, e := range t {
			out = append(out, targetsOf(e, star)...)
		}
		return out
	case ordered:
		var out []string
		for _, kv := range t {
			if Conditions[kv.key] {
				out = append(out, targetsOf(kv.val, star)...)
			}
		}
		return out
	}
	return nil
}

// ordered is a JSON object that keeps its keys' order, which decides
// between conditions.
type ordered []kv

type kv struct {
	key string
	val any
}

// decodeOrdered decodes JSON into string, []any, ordered, or nil.
func decodeOrdered(raw json.RawMessage) (any, bool) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	v, err := decodeValue(dec, 0)
	return v, err == nil
}

func decodeValue(dec *json.Decoder, depth int) (any, error) {
	if depth > 64 {
		return nil, errDepth
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch d := tok.(type) {
	case json.Delim:
		switch d {
		case '{':
			var o ordered
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				k, _ := kt.(string)
				v, err := decodeValue(dec, depth+1)
				if err != nil {
					return nil, err
				}
				o = append(o, kv{k, v})
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			return o, nil
		case '[':
			var a []any
			for dec.More() {
				v, err := decodeValue(dec, depth+1)
				if err != nil {
					return nil, err
				}
				a = append(a, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			if a == nil {
				a = []any{}
			}
			return a, nil
		}
	case string:
		return d, nil
	}
	return nil, nil
}

type depthError struct{}

func (depthError) Error() string { return "nested too deeply" }

var errDepth = depthError{}
