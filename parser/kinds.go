package parser

import (
	"fmt"
	"sort"
	"sync"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/nestlint/nestlint/parser/grammar/tsx"
	"github.com/nestlint/nestlint/parser/grammar/typescript"
)

// Kind is a node type, normalized across the typescript and tsx grammars so
// that rules compare small integers instead of strings. Named node types keep
// their grammar name ("call_expression"); anonymous tokens are quoted ("'='").
type Kind uint16

// FieldID is a field name, normalized across grammars like Kind.
type FieldID uint16

type langTables struct {
	kinds  []uint16 // grammar symbol id -> Kind
	fields []uint16 // grammar field id -> Field
}

type kindRegistry struct {
	kindNames  []string // Kind -> name; index 0 is ""
	kindByName map[string]Kind
	fieldNames []string
	fieldByNm  map[string]FieldID
	ts, tsx    langTables
}

var registry = sync.OnceValue(buildRegistry)

func grammarNames(l *sitter.Language) (syms []string, fields []string) {
	n := l.SymbolCount()
	syms = make([]string, n)
	for i := uint32(0); i < n; i++ {
		name := l.SymbolName(sitter.Symbol(i))
		if l.SymbolType(sitter.Symbol(i)) == sitter.SymbolTypeAnonymous {
			name = "'" + name + "'"
		}
		syms[i] = name
	}
	fields = []string{""}
	for i := 1; ; i++ {
		f := l.FieldName(i)
		if f == "" {
			break
		}
		fields = append(fields, f)
	}
	return syms, fields
}

func buildRegistry() *kindRegistry {
	tsSyms, tsFields := grammarNames(typescript.GetLanguage())
	tsxSyms, tsxFields := grammarNames(tsx.GetLanguage())
	r := &kindRegistry{kindByName: map[string]Kind{}, fieldByNm: map[string]FieldID{}}
	names := map[string]bool{}
	for _, s := range append(append([]string{}, tsSyms...), tsxSyms...) {
		names[s] = true
	}
	sorted := make([]string, 0, len(names))
	for s := range names {
		sorted = append(sorted, s)
	}
	sort.Strings(sorted)
	r.kindNames = append([]string{""}, sorted...)
	for i, s := range r.kindNames {
		if i > 0 {
			r.kindByName[s] = Kind(i)
		}
	}
	fnames := map[string]bool{}
	for _, f := range append(append([]string{}, tsFields...), tsxFields...) {
		if f != "" {
			fnames[f] = true
		}
	}
	fs := make([]string, 0, len(fnames))
	for f := range fnames {
		fs = append(fs, f)
	}
	sort.Strings(fs)
	r.fieldNames = append([]string{""}, fs...)
	for i, f := range r.fieldNames {
		if i > 0 {
			r.fieldByNm[f] = FieldID(i)
		}
	}
	mk := func(syms, fields []string) langTables {
		t := langTables{kinds: make([]uint16, len(syms)), fields: make([]uint16, len(fields))}
		for i, s := range syms {
			t.kinds[i] = uint16(r.kindByName[s])
		}
		for i, f := range fields {
			t.fields[i] = uint16(r.fieldByNm[f])
		}
		return t
	}
	r.ts = mk(tsSyms, tsFields)
	r.tsx = mk(tsxSyms, tsxFields)
	return r
}

func tables(isTSX bool) *langTables {
	if isTSX {
		return &registry().tsx
	}
	return &registry().ts
}

// KindOf returns the Kind with the given grammar name; it panics when the
// grammar has no such node type, so a grammar upgrade fails loudly at start.
func KindOf(name string) Kind {
	k, ok := registry().kindByName[name]
	if !ok {
		panic(fmt.Sprintf("parser: grammar has no node type %q", name))
	}
	return k
}

// FieldOf returns the Field with the given name, panicking when unknown.
func FieldOf(name string) FieldID {
	f, ok := registry().fieldByNm[name]
	if !ok {
		panic(fmt.Sprintf("parser: grammar has no field %q", name))
	}
	return f
}

// String returns the grammar name of k.
func (k Kind) String() string {
	r := registry()
	if int(k) < len(r.kindNames) {
		return r.kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// String returns the field name.
func (f FieldID) String() string {
	r := registry()
	if int(f) < len(r.fieldNames) {
		return r.fieldNames[f]
	}
	return fmt.Sprintf("FieldID(%d)", f)
}
