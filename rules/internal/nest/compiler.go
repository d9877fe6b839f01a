package nest

import (
	"github.com/nestlint/nestlint/internal/fsrec"
	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/internal/tsconfig"
)

// CompilerFacts are the compiler settings that decide how a file's class
// fields are emitted: whether declared fields without an initializer exist
// on every instance ([[Define]] semantics) or are erased. Build computes
// them from tsconfig.json (with its extends chain, the build target nest
// build or tsc --build would use, project references) and nest-cli.json
// before any rule runs; rules read them with Model.Compiler and never load
// a settings file themselves.
type CompilerFacts struct {
	// SWC is set when nest-cli.json builds the file with SWC, which always
	// keeps declared fields. The tsconfig is then not read (Config is nil).
	SWC bool
	// Config is the merged tsconfig that builds the file; nil when there
	// is none, when it cannot be read (Err), or with SWC.
	Config *tsconfig.Config
	// Err is why the tsconfig that builds the file could not be read or
	// parsed. Build has already given the notice naming the file.
	Err error
	// Define reports whether declared fields are kept: true with SWC,
	// else Config.DefineSemantics (false without a tsconfig.json). When
	// Err is set the settings are unknown and Define is true: a rule then
	// assumes the field exists rather than guess.
	Define bool
	// Reason says which setting, in which file, decided Define ("target
	// ES2021 in tsconfig.base.json erases declared fields"); "" with SWC or
	// Err.
	Reason string
	// Setting is where the setting that erases declared fields is written,
	// for a related location; nil unless a tsconfig erases them (Define
	// false, Config set).
	Setting *Setting
}

// Setting is the compiler option that decided the class-field semantics,
// in the file that sets it.
type Setting struct {
	// File is the absolute path of the tsconfig that sets it (the
	// governing one when no file sets a target).
	File string
	// Key is the compilerOptions key: "useDefineForClassFields", "target",
	// or "" when no file of the chain sets a target (ES5).
	Key string
	// Src is the text of File, read once by Build; nil when it cannot be
	// read or is larger than MaxSettingFile.
	Src []byte
}

// MaxSettingFile caps the tsconfig files read for Setting.Src.
const MaxSettingFile = 1 << 20

// compilerKey names one distinct answer: facts are shared by every file
// with the same deciding tsconfig (or error) and builder.
type compilerKey struct {
	swc bool
	cfg *tsconfig.Config
	err string // the error's text: error values need not be comparable
}

// Compiler returns the compiler facts of file fi, or nil for a file whose
// emitted shape no setting changes: an offline file, or one that declares
// no class with an instance field without initializer (see
// settingDependent). Files built by the same tsconfig and builder share
// one *CompilerFacts; callers must not modify it.
func (m *Model) Compiler(fi FileID) *CompilerFacts {
	if int(fi) < 0 || int(fi) >= len(m.compiler) {
		return nil
	}
	return m.compiler[fi]
}

// computeCompiler fills m.compiler, after indexing (it needs m.offline).
// The per-file lookups (which tsconfig owns the file, which nest-cli.json
// project builds it) run in parallel through the loader, which reads and
// merges each tsconfig and nest-cli.json once and gives each problem with
// them as one notice; the facts themselves are computed once per distinct
// (tsconfig, builder).
func (m *Model) computeCompiler() {
	m.compiler = make([]*CompilerFacts, len(m.Files))
	var todo []FileID
	for fi, f := range m.AllFiles() {
		if !m.offline[fi] && settingDependent(f.Facts) {
			todo = append(todo, fi)
		}
	}
	keys := make([]compilerKey, len(todo))
	errs := make([]error, len(todo))
	m.parallel(len(todo), func(i int) {
		path := m.Files[todo[i]].Path
		if cli, err := m.loader.NestCLIFor(path); err == nil && cli.BuilderFor(path) == "swc" {
			keys[i] = compilerKey{swc: true}
			return
		}
		cfg, err := m.loader.ForFile(path)
		if err != nil {
			keys[i], errs[i] = compilerKey{err: err.Error()}, err
			return
		}
		keys[i] = compilerKey{cfg: cfg}
	})
	shared := map[compilerKey]*CompilerFacts{}
	for i, k := range keys {
		cf := shared[k]
		if cf == nil {
			cf = compilerFactsOf(k, errs[i])
			shared[k] = cf
		}
		m.compiler[todo[i]] = cf
	}
}

// compilerFactsOf computes the facts of one (tsconfig, builder); err is
// the load error k names.
func compilerFactsOf(k compilerKey, err error) *CompilerFacts {
	cf := &CompilerFacts{SWC: k.swc, Config: k.cfg, Err: err}
	switch {
	case k.swc, err != nil:
		cf.Define = true
	default:
		cf.Define, cf.Reason = k.cfg.DefineSemantics()
		if !cf.Define && k.cfg != nil {
			cf.Setting = settingOf(k.cfg)
		}
	}
	return cf
}

// settingOf returns where the option that makes cfg erase declared fields
// is set, with the text of that file.
func settingOf(cfg *tsconfig.Config) *Setting {
	st := &Setting{File: cfg.Path}
	switch {
	case cfg.UseDefineForClassFields != nil:
		st.File, st.Key = cfg.UseDefineForClassFieldsSource, "useDefineForClassFields"
	case cfg.Target != "":
		st.File, st.Key = cfg.TargetSource, "target"
	}
	if src, err := fsrec.ReadLimited(st.File, MaxSettingFile+1); err == nil && len(src) <= MaxSettingFile {
		st.Src = src
	}
	return st
}

// settingDependent reports whether the compiler settings change what a
// file's instances look like in a way the model's users ask about: it
// declares a class with an instance field that has no initializer and is
// neither declare nor abstract (kept as undefined with [[Define]]
// semantics, erased otherwise), undecorated or in a class with a
// constructor. Decorated fields of a class without a constructor (DTOs,
// ORM entities) are filled in by their framework and no rule asks about
// them: skipping them keeps Build from looking up the settings of every
// DTO of a large project.
func settingDependent(f *parser.Facts) bool {
	for ci := range f.Classes {
		c := &f.Classes[ci]
		for _, fd := range c.Fields {
			if !fd.Static && !fd.HasInit && !fd.Declare && !fd.Abstract && (c.Ctor >= 0 || len(fd.Decorators) == 0) {
				return true
			}
		}
	}
	return false
}
