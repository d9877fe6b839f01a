package parser

import (
	"bytes"
	"strings"
)

var (
	kObjectPattern    = KindOf("object_pattern")
	kShorthandPattern = KindOf("shorthand_property_identifier_pattern")
	kPairPattern      = KindOf("pair_pattern")
	kAbstractMethod   = KindOf("abstract_method_signature")
	kMethodSignature  = KindOf("method_signature")
	kStaticBlock      = KindOf("class_static_block")
	kTry              = KindOf("try_statement")
	kExprStatement    = KindOf("expression_statement")
	kThrow            = KindOf("throw_statement")
	fConsequence      = FieldOf("consequence")
	fAlternative      = FieldOf("alternative")
)

func (x *extractor) visitChildren(i int, sc scope) {
	t := x.t
	for c := t.FirstChild(i); c >= 0; c = t.NextSibling(c) {
		if t.Named(c) {
			x.visit(c, sc)
		}
	}
}

func (x *extractor) visit(i int, sc scope) {
	t := x.t
	switch t.Kind(i) {
	case kComment:
		if strings.Contains(x.text(i), "nestlint-") {
			x.f.Comments = append(x.f.Comments, Comment{Text: x.text(i), Span: x.span(i)})
		}
		return
	case kImport:
		x.importStmt(i)
		return
	case kExport:
		x.exportStmt(i, sc)
		return
	case kClassDecl, kAbstractClass, kClassExpr:
		x.class(i, sc, nil, false, false)
		return
	case kFuncDecl, kGenFuncDecl:
		name := ""
		if n := t.ChildByField(i, fName); n >= 0 {
			name = x.text(n)
		}
		x.function(i, sc, FFunction, name, -1, nil)
		return
	case kArrow, kFuncExpr, kGenFunc:
		kind := FArrow
		if t.Kind(i) != kArrow {
			kind = FExpr
		}
		x.function(i, sc, kind, x.nameFromContext(i), sc.class, nil)
		return
	case kMethodDef: // in an object literal
		x.function(i, sc, FMethod, x.text(t.ChildByField(i, fName)), -1, nil)
		return
	case kLexicalDecl, kVarDecl:
		x.declaration(i, sc, false)
		return
	case kCall, kNew:
		x.call(i, sc)
		return
	case kAwait:
		inner := sc
		inner.await = true
		for c := t.FirstChild(i); c >= 0; c = t.NextSibling(c) {
			if t.Named(c) {
				x.visit(c, inner)
			}
		}
		return
	case kParen:
		x.visitChildren(i, sc) // keeps await for `await (x())`
		return
	case kAssign, kAugAssign:
		x.assign(i, sc)
	case kUpdate:
		x.update(i, sc)
	case kUnary:
		if op := t.ChildByField(i, fOperator); op >= 0 && t.Kind(op) == tDelete {
			x.deleteExpr(i, sc)
		}
	case kRegex:
		x.regex(i, sc)
		return
	case kWhile, kDo, kFor, kForIn:
		x.loop(i, sc)
		return
	case kIf, kTernary:
		x.branches(i)
	}
	switch t.Kind(i) {
	case kIf:
		cond := t.ChildByField(i, fCondition)
		sc2 := sc
		sc2.await = false
		inner := sc2
		inner.cond = true
		if cond >= 0 {
			inner.guard = x.text(cond)
		}
		for c := t.FirstChild(i); c >= 0; c = t.NextSibling(c) {
			if !t.Named(c) {
				continue
			}
			if c == cond {
				x.visit(c, sc2)
			} else {
				x.visit(c, inner)
			}
		}
		return
	case kSwitch, kTernary, kCatch:
		inner := sc
		inner.cond = true
		inner.await = false
		x.visitChildren(i, inner)
		return
	case kBinary:
		op := t.ChildByField(i, fOperator)
		if op >= 0 {
			switch x.text(op) {
			case "&&", "||", "??":
				right := t.ChildByField(i, fRight)
				inner := sc
				inner.await = false
				x.visit(t.ChildByField(i, fLeft), inner)
				inner.cond = true
				if right >= 0 {
					x.visit(right, inner)
				}
				return
			}
		}
	case kThrow:
		x.f.Throws = append(x.f.Throws, Throw{Func: sc.fn, InTry: x.inTry(i), Span: x.span(i)})
	case kReturn:
		if sc.fn >= 0 {
			if v := t.NamedChild(i, 0); v >= 0 && t.Kind(v) != kComment {
				x.f.Returns = append(x.f.Returns, Return{Func: sc.fn, Value: x.value(v, 0), Span: x.span(i)})
			}
		}
	}
	sc.await = false
	x.visitChildren(i, sc)
}

// nameFromContext names an anonymous function by what it is assigned to.
func (x *extractor) nameFromContext(i int) string {
	t := x.t
	p := t.Parent(i)
	for p >= 0 && (t.Kind(p) == kParen || t.Kind(p) == kAs) {
		p = t.Parent(p)
	}
	if p < 0 {
		return ""
	}
	switch t.Kind(p) {
	case kVarDeclarator:
		if n := t.ChildByField(p, fName); n >= 0 && t.Kind(n) == kIdentifier {
			return x.text(n)
		}
	case kPair:
		if k := t.ChildByField(p, fKey); k >= 0 {
			if s, ok := x.stringValue(k); ok {
				return s
			}
			return x.text(k)
		}
	case kFieldDef:
		if n := t.ChildByField(p, fName); n >= 0 {
			return x.text(n)
		}
	case kAssign:
		if l := x.path(t.ChildByField(p, fLeft)); l != nil {
			return l[len(l)-1]
		}
	}
	return ""
}

func (x *extractor) importStmt(i int) {
	t := x.t
	src := t.ChildByField(i, fSource)
	source, _ := x.stringValue(src)
	typeOnly := t.ChildOfKind(i, tType) >= 0
	if t.ChildOfKind(i, kImportClause) < 0 && t.ChildOfKind(i, kImportRequire) < 0 && source != "" {
		// `import './tracing'`: a side-effect import binds nothing but
		// still runs the module (the program's import closure needs it).
		x.f.Imports = append(x.f.Imports, Import{Source: source, Span: x.span(i)})
	}
	for c := t.FirstChild(i); c >= 0; c = t.NextSibling(c) {
		switch t.Kind(c) {
		case kImportClause:
			for d := t.FirstChild(c); d >= 0; d = t.NextSibling(d) {
				switch t.Kind(d) {
				case kIdentifier:
					x.f.Imports = append(x.f.Imports, Import{Local: x.text(d), Imported: "default", Source: source, TypeOnly: typeOnly, Span: x.span(d)})
				case kNamespaceImp:
					if id := t.ChildOfKind(d, kIdentifier); id >= 0 {
						x.f.Imports = append(x.f.Imports, Import{Local: x.text(id), Imported: "*", Source: source, TypeOnly: typeOnly, Span: x.span(id)})
					}
				case kNamedImports:
					for s := t.FirstChild(d); s >= 0; s = t.NextSibling(s) {
						if t.Kind(s) != kImportSpec {
							continue
						}
						name := t.ChildByField(s, fName)
						if name < 0 {
							continue
						}
						local := name
						if a := t.ChildByField(s, fAlias); a >= 0 {
							local = a
						}
						imported := x.text(name)
						if str, ok := x.stringValue(name); ok {
							imported = str
						}
						x.f.Imports = append(x.f.Imports, Import{Local: x.text(local), Imported: imported, Source: source,
							TypeOnly: typeOnly || t.ChildOfKind(s, tType) >= 0, Span: x.span(s)})
					}
				}
			}
		case kImportRequire:
			id := t.ChildOfKind(c, kIdentifier)
			s, _ := x.stringValue(t.ChildByField(c, fSource))
			if id >= 0 {
				x.f.Imports = append(x.f.Imports, Import{Local: x.text(id), Imported: "*", Source: s, Span: x.span(c)})
			}
		}
	}
}

func (x *extractor) exportStmt(i int, sc scope) {
	t := x.t
	source := ""
	if s := t.ChildByField(i, fSource); s >= 0 {
		source, _ = x.stringValue(s)
	}
	isDefault := t.ChildOfKind(i, tDefault) >= 0
	var decos []Decorator
	for c := t.FirstChild(i); c >= 0; c = t.NextSibling(c) {
		switch t.Kind(c) {
		case kDecorator:
			decos = append(decos, x.decorator(c, sc))
		case kExportClause:
			for s := t.FirstChild(c); s >= 0; s = t.NextSibling(s) {
				if t.Kind(s) != kExportSpec {
					continue
				}
				name := x.text(t.ChildByField(s, fName))
				exp := name
				if a := t.ChildByField(s, fAlias); a >= 0 {
					exp = x.text(a)
				}
				x.f.Exports = append(x.f.Exports, Export{Name: exp, Local: name, Source: source, Span: x.span(s)})
			}
		case kNamespaceExp:
			if id := t.NamedChild(c, 0); id >= 0 {
				x.f.Exports = append(x.f.Exports, Export{Name: x.text(id), Local: "*", Source: source, Span: x.span(c)})
			}
		case tStar:
			if t.ChildOfKind(i, kNamespaceExp) < 0 {
				x.f.Exports = append(x.f.Exports, Export{Name: "*", Local: "*", Source: source, Span: x.span(i)})
			}
		}
	}
	decl := t.ChildByField(i, fDeclaration)
	if decl >= 0 {
		switch t.Kind(decl) {
		case kClassDecl, kAbstractClass:
			ci := x.class(decl, sc, decos, true, isDefault)
			x.f.Exports = append(x.f.Exports, Export{Name: exportName(x.f.Classes[ci].Name, isDefault), Local: x.f.Classes[ci].Name, Span: x.span(decl)})
		case kFuncDecl, kGenFuncDecl:
			name := x.text(t.ChildByField(decl, fName))
			fi := x.function(decl, sc, FFunction, name, -1, nil)
			x.f.Funcs[fi].Exported = true
			x.f.Exports = append(x.f.Exports, Export{Name: exportName(name, isDefault), Local: name, Span: x.span(decl)})
		case kLexicalDecl, kVarDecl:
			for _, name := range x.declaration(decl, sc, true) {
				x.f.Exports = append(x.f.Exports, Export{Name: name, Local: name, Span: x.span(decl)})
			}
		default:
			x.visit(decl, sc)
		}
		return
	}
	if isDefault {
		// export default <expression>
		for c := t.FirstChild(i); c >= 0; c = t.NextSibling(c) {
			if t.Named(c) && t.Kind(c) != kDecorator && t.Kind(c) != kComment {
				switch t.Kind(c) {
				case kClassExpr:
					ci := x.class(c, sc, decos, true, true)
					x.f.Exports = append(x.f.Exports, Export{Name: "default", Local: x.f.Classes[ci].Name, Span: x.span(c)})
				case kIdentifier:
					x.f.Exports = append(x.f.Exports, Export{Name: "default", Local: x.text(c), Span: x.span(c)})
				case kArrow, kFuncExpr:
					// export default () => ...: an anonymous exported
					// function, found by its span (Export.Local is "")
					x.visit(c, sc)
					x.f.Funcs[x.funcAt(c)].Exported = true
					x.f.Exports = append(x.f.Exports, Export{Name: "default", Span: x.span(c)})
				default:
					x.visit(c, sc)
				}
			}
		}
	}
}

func exportName(name string, isDefault bool) string {
	if isDefault {
		return "default"
	}
	return name
}

// declaration records the declarators of a lexical or var declaration and
// returns the declared names.
func (x *extractor) declaration(i int, sc scope, exported bool) []string {
	t := x.t
	kind := "var"
	if t.Kind(i) == kLexicalDecl {
		kind = "const"
		if f := t.FirstChild(i); f >= 0 {
			switch x.text(f) {
			case "let":
				kind = "let"
			case "using":
				// read as const by the source repair (see repair.go)
				kind = "using"
				if before := bytes.TrimRight(t.Src[:t.Nodes[f].Start], " \t"); bytes.HasSuffix(before, []byte("await")) {
					kind = "await using"
				}
			}
		}
	}
	var names []string
	for c := t.FirstChild(i); c >= 0; c = t.NextSibling(c) {
		if t.Kind(c) != kVarDeclarator {
			if t.Named(c) {
				x.visit(c, sc)
			}
			continue
		}
		nameNode := t.ChildByField(c, fName)
		valNode := t.ChildByField(c, fValue)
		var val Value
		if valNode >= 0 {
			val = x.value(valNode, 0)
		} else {
			val = Value{Func: -1}
		}
		tn, tt := x.typeOf(c)
		if nameNode >= 0 && t.Kind(nameNode) == kIdentifier {
			name := x.text(nameNode)
			names = append(names, name)
			x.f.Locals = append(x.f.Locals, Local{Func: sc.fn, Name: name, Kind: kind, TypeName: tn, TypeText: tt,
				Value: val, HasValue: valNode >= 0, Exported: exported, Span: x.span(c)})
			if val.Kind == VCall && val.Text == "require" && len(val.Elems()) == 1 && val.Elems()[0].Kind == VString {
				x.f.Imports = append(x.f.Imports, Import{Local: name, Imported: "*", Source: val.Elems()[0].Text, Span: x.span(c)})
			}
		} else if nameNode >= 0 && t.Kind(nameNode) == kObjectPattern {
			isReq := val.Kind == VCall && val.Text == "require" && len(val.Elems()) == 1 && val.Elems()[0].Kind == VString
			for p := t.FirstChild(nameNode); p >= 0; p = t.NextSibling(p) {
				var local, imported string
				switch t.Kind(p) {
				case kShorthandPattern:
					local, imported = x.text(p), x.text(p)
				case kPairPattern:
					k, v := t.ChildByField(p, fKey), t.ChildByField(p, fValue)
					if k < 0 || v < 0 || t.Kind(v) != kIdentifier {
						continue
					}
					local, imported = x.text(v), x.text(k)
				default:
					continue
				}
				names = append(names, local)
				if isReq {
					x.f.Imports = append(x.f.Imports, Import{Local: local, Imported: imported, Source: val.Elems()[0].Text, Span: x.span(p)})
				} else {
					x.f.Locals = append(x.f.Locals, Local{Func: sc.fn, Name: local, Kind: kind, Value: x.done(Value{Kind: VOther, Func: -1, Span: val.Span}, nil, nil, val.Refs()), HasValue: valNode >= 0, Span: x.span(p)})
				}
			}
		}
		if valNode >= 0 {
			inner := sc
			inner.await = false
			x.visit(valNode, inner)
		}
	}
	return names
}

func (x *extractor) typeOf(i int) (name, text string) {
	t := x.t
	ta := t.ChildByField(i, fType)
	if ta < 0 {
		return "", ""
	}
	ty := t.NamedChild(ta, 0)
	if ty < 0 {
		return "", ""
	}
	text = x.text(ty)
	switch t.Kind(ty) {
	case kTypeIdent:
		name = text
	case kNestedTypeId:
		name = text
	case kGenericType:
		if n := t.ChildByField(ty, fName); n >= 0 {
			name = x.text(n)
		} else if n := t.NamedChild(ty, 0); n >= 0 {
			name = x.text(n)
		}
	}
	return name, text
}

func (x *extractor) decorator(i int, sc scope) Decorator {
	t := x.t
	d := Decorator{Span: x.span(i)}
	e := t.NamedChild(i, 0)
	if e < 0 {
		return d
	}
	e = x.unwrap(e)
	if t.Kind(e) == kCall {
		d.Call = true
		fn := t.ChildByField(e, fFunction)
		d.Name = x.joined(fn, x.path(fn))
		if args := t.ChildByField(e, fArguments); args >= 0 {
			d.Args = x.valuesOf(args)
			for c := t.FirstChild(args); c >= 0; c = t.NextSibling(c) {
				if t.Named(c) && t.Nodes[c].Flags&FlagExtra == 0 {
					d.Args = append(d.Args, x.value(c, 0))
				}
			}
			// register functions and calls inside decorator arguments
			// (useFactory bodies run at startup)
			inner := sc
			inner.await = false
			x.visitChildren(args, inner)
		}
	} else {
		d.Name = x.joined(e, x.path(e))
	}
	return d
}

func (x *extractor) class(i int, sc scope, decos []Decorator, exported, isDefault bool) int {
	t := x.t
	ci := len(x.f.Classes)
	x.f.Classes = append(x.f.Classes, Class{Ctor: -1, Exported: exported, DefaultExport: isDefault, Span: x.span(i),
		Abstract: t.Kind(i) == kAbstractClass})
	c := &x.f.Classes[ci]
	c.Decorators = decos
	if n := t.ChildByField(i, fName); n >= 0 {
		c.Name = x.text(n)
		c.NameSpan = x.span(n)
	} else {
		c.Name = x.nameFromContext(i)
		c.NameSpan = Span{x.t.Nodes[i].Start, x.t.Nodes[i].Start}
	}
	var decosOut []Decorator
	for ch := t.FirstChild(i); ch >= 0; ch = t.NextSibling(ch) {
		switch t.Kind(ch) {
		case kDecorator:
			decosOut = append(decosOut, x.decorator(ch, sc))
		case kClassHeritage:
			for h := t.FirstChild(ch); h >= 0; h = t.NextSibling(h) {
				switch t.Kind(h) {
				case kExtendsClause:
					if v := t.ChildByField(h, fValue); v >= 0 {
						x.f.Classes[ci].Extends = x.joined(v, x.path(v))
						if x.f.Classes[ci].Extends == "" {
							// mixins: extends PartialType(CreateDto) -> keep callee
							vv := x.value(v, 0)
							x.f.Classes[ci].Extends = vv.Text
						}
					}
				case kImplements:
					for ty := t.FirstChild(h); ty >= 0; ty = t.NextSibling(ty) {
						if !t.Named(ty) {
							continue
						}
						name := x.text(ty)
						if t.Kind(ty) == kGenericType {
							if n := t.NamedChild(ty, 0); n >= 0 {
								name = x.text(n)
							}
						}
						x.f.Classes[ci].Implements = append(x.f.Classes[ci].Implements, name)
					}
				}
			}
		}
	}
	if len(decosOut) > 0 {
		x.f.Classes[ci].Decorators = append(x.f.Classes[ci].Decorators, decosOut...)
	}
	body := t.ChildByField(i, fBody)
	if body < 0 {
		return ci
	}
	csc := scope{fn: -1, class: ci}
	var pending []Decorator
	for m := t.FirstChild(body); m >= 0; m = t.NextSibling(m) {
		switch t.Kind(m) {
		case kDecorator:
			pending = append(pending, x.decorator(m, csc))
		case kMethodDef:
			x.method(m, ci, pending)
			pending = nil
		case kFieldDef:
			x.field(m, ci, pending)
			pending = nil
		case kAbstractMethod, kMethodSignature:
			pending = nil
		case kStaticBlock:
			x.visitChildren(m, csc)
		case kComment:
			x.visit(m, csc)
		}
	}
	return ci
}

func (x *extractor) modifiers(i int) (static, async, abstract, declare, readonly, optional bool, getset FuncKind) {
	t := x.t
	getset = FMethod
	for c := t.FirstChild(i); c >= 0; c = t.NextSibling(c) {
		switch t.Kind(c) {
		case tStatic:
			static = true
		case tAsync:
			async = true
		case tAbstract:
			abstract = true
		case tDeclare:
			declare = true
		case tReadonly:
			readonly = true
		case tQuestion:
			optional = true
		case tGet:
			getset = FGetter
		case tSet:
			getset = FSetter
		}
		if c == t.ChildByField(i, fName) {
			// modifiers come before the name; 'get'/'set' after it are names
			break
		}
	}
	return
}

func (x *extractor) method(m, ci int, decos []Decorator) {
	t := x.t
	nameNode := t.ChildByField(m, fName)
	name := x.text(nameNode)
	static, _, _, _, _, _, kind := x.modifiers(m)
	if name == "constructor" {
		kind = FConstructor
	}
	fi := x.function(m, scope{fn: -1, class: ci}, kind, name, ci, decos)
	fn := &x.f.Funcs[fi]
	fn.Static = static
	fn.NameSpan = x.span(nameNode)
	x.f.Classes[ci].Methods = append(x.f.Classes[ci].Methods, fi)
	if kind == FConstructor {
		x.f.Classes[ci].Ctor = fi
	}
}

func (x *extractor) field(m, ci int, decos []Decorator) {
	t := x.t
	for c := t.FirstChild(m); c >= 0; c = t.NextSibling(c) {
		if t.Kind(c) == kDecorator {
			decos = append(decos, x.decorator(c, scope{fn: -1, class: ci}))
		}
	}
	nameNode := t.ChildByField(m, fName)
	if nameNode < 0 {
		return
	}
	static, _, abstract, declare, readonly, optional, _ := x.modifiers(m)
	f := Field{Name: x.text(nameNode), Static: static, Declare: declare, Readonly: readonly, Optional: optional,
		Abstract: abstract, Decorators: decos, NameSpan: x.span(nameNode), Span: x.span(m)}
	f.TypeName, f.TypeText = x.typeOf(m)
	v := t.ChildByField(m, fValue)
	if v >= 0 {
		f.HasInit = true
		f.Init = x.value(v, 0)
		// Field initializers run in the constructor: model them as part of
		// the class's construction (fn -1 with the class in scope).
		u := x.unwrap(v)
		if t.Kind(u) == kArrow || t.Kind(u) == kFuncExpr {
			kind := FArrow
			if t.Kind(u) == kFuncExpr {
				kind = FExpr
			}
			fi := x.function(u, scope{fn: -1, class: ci}, kind, f.Name, ci, nil)
			x.f.Funcs[fi].Static = static
			x.f.Funcs[fi].NameSpan = x.span(nameNode)
			x.f.Classes[ci].Methods = append(x.f.Classes[ci].Methods, fi)
		} else {
			x.visit(v, scope{fn: -1, class: ci})
		}
	}
	x.f.Classes[ci].Fields = append(x.f.Classes[ci].Fields, f)
}

// function records a function-like node and walks its parameters and body.
func (x *extractor) function(i int, sc scope, kind FuncKind, name string, class int, decos []Decorator) int {
	t := x.t
	fi := x.funcAt(i)
	fn := &x.f.Funcs[fi]
	fn.Name = name
	fn.Kind = kind
	fn.Class = class
	if class < 0 && (kind == FArrow || kind == FExpr) {
		fn.Class = sc.class
	}
	fn.Parent = sc.fn
	fn.Decorators = decos
	fn.Span = x.span(i)
	if n := t.ChildByField(i, fName); n >= 0 {
		fn.NameSpan = x.span(n)
	} else {
		fn.NameSpan = Span{t.Nodes[i].Start, t.Nodes[i].Start}
	}
	for c := t.FirstChild(i); c >= 0; c = t.NextSibling(c) {
		if t.Kind(c) == tAsync {
			fn.Async = true
		}
		if t.Kind(c) == tStatic {
			fn.Static = true
		}
	}
	inner := scope{fn: fi, class: fn.Class}
	if ps := t.ChildByField(i, fParameters); ps >= 0 {
		params := x.params(ps, inner)
		x.f.Funcs[fi].Params = params
	} else if p := t.ChildByField(i, fParameter); p >= 0 {
		x.f.Funcs[fi].Params = []Param{{Name: x.text(p), Span: x.span(p)}}
	}
	if b := t.ChildByField(i, fBody); b >= 0 {
		x.f.Funcs[fi].Body = x.span(b)
		if t.Kind(b) != kStatementBlock {
			// expression-bodied arrow: its value is returned
			x.f.Returns = append(x.f.Returns, Return{Func: fi, Value: x.value(b, 0), Span: x.span(b)})
		}
		x.visit(b, inner)
	}
	return fi
}

func (x *extractor) params(ps int, sc scope) []Param {
	t := x.t
	var out []Param
	var pending []Decorator
	for c := t.FirstChild(ps); c >= 0; c = t.NextSibling(c) {
		switch t.Kind(c) {
		case kDecorator:
			pending = append(pending, x.decorator(c, sc))
		case kRequiredParam, kOptionalParam:
			p := Param{Optional: t.Kind(c) == kOptionalParam, Span: x.span(c), Decorators: pending}
			pending = nil
			for d := t.FirstChild(c); d >= 0; d = t.NextSibling(d) {
				switch t.Kind(d) {
				case kDecorator:
					p.Decorators = append(p.Decorators, x.decorator(d, sc))
				case kAccessibility, tReadonly, kOverrideMod:
					p.Property = true
				}
			}
			if pat := t.ChildByField(c, fPattern); pat >= 0 {
				if t.Kind(pat) == kIdentifier || t.Kind(pat) == kThis {
					p.Name = x.text(pat)
				} else {
					p.Name = "" // destructured
				}
			}
			p.TypeName, p.TypeText = x.typeOf(c)
			if v := t.ChildByField(c, fValue); v >= 0 {
				x.visit(v, sc)
			}
			out = append(out, p)
		}
	}
	return out
}

func (x *extractor) call(i int, sc scope) {
	t := x.t
	isNew := t.Kind(i) == kNew
	calleeField := fFunction
	if isNew {
		calleeField = fConstructor
	}
	callee := t.ChildByField(i, calleeField)
	c := Call{Func: sc.fn, New: isNew, Await: sc.await, Outer: -1, Span: x.span(i)}
	c.Use, c.Outer = x.callUse(i)
	c.InTry = x.inTry(i)
	if callee >= 0 && !isNew && t.Kind(callee) == kAwait {
		// the grammar parses `await a.f<T>(x)` as a call whose callee is
		// `await a.f`: the await belongs to the call
		if inner := t.NamedChild(callee, 0); inner >= 0 {
			callee = inner
			c.Await = true
		}
	}
	if callee >= 0 {
		c.Callee = x.span(callee)
		c.Path = x.path(callee)
		u := x.unwrap(callee)
		if len(c.Path) > 0 {
			c.Method = c.Path[len(c.Path)-1]
		} else if u >= 0 && t.Kind(u) == kMember {
			if p := t.ChildByField(u, fProperty); p >= 0 {
				c.Method = x.text(p)
			}
		}
	}
	args := t.ChildByField(i, fArguments)
	if args >= 0 {
		c.Args = x.argValues(args, 1)
	}
	ci := len(x.f.Calls)
	x.f.Calls = append(x.f.Calls, c)
	if x.callAt == nil {
		x.callAt = map[uint32]int{}
	}
	x.callAt[uint32(i)] = ci
	for _, a := range c.Args {
		if a.Kind == VFunc && a.Func >= 0 {
			x.f.Funcs[a.Func].ArgOf = ci
		}
	}
	// new RegExp('constant')
	if len(c.Path) == 1 && c.Path[0] == "RegExp" && len(c.Args) >= 1 && c.Args[0].Kind == VString {
		r := Regex{Func: sc.fn, Pattern: c.Args[0].Text, FromCtor: true, Span: c.Span}
		if len(c.Args) >= 2 && c.Args[1].Kind == VString {
			r.Flags = c.Args[1].Text
		}
		r.Applied, r.Var = x.regexUse(i)
		x.f.Regexes = append(x.f.Regexes, r)
	}
	inner := sc
	inner.await = false
	if callee >= 0 {
		x.visit(callee, inner)
	}
	if args >= 0 {
		x.visitChildren(args, inner)
	}
}

func (x *extractor) assign(i int, sc scope) {
	t := x.t
	left := t.ChildByField(i, fLeft)
	right := t.ChildByField(i, fRight)
	a := Assign{Func: sc.fn, Cond: sc.cond, Guard: sc.guard, Span: x.span(i)}
	if t.Kind(i) == kAugAssign {
		a.Op = OpCompound
		if op := t.ChildByField(i, fOperator); op >= 0 {
			switch x.text(op) {
			case "??=", "||=", "&&=":
				a.Op = OpLogical
			}
		}
	}
	if !x.target(left, &a) {
		return
	}
	if right >= 0 {
		a.Value = x.value(right, 0)
	}
	x.f.Assigns = append(x.f.Assigns, a)
}

func (x *extractor) target(left int, a *Assign) bool {
	t := x.t
	if left < 0 {
		return false
	}
	u := x.unwrap(left)
	switch t.Kind(u) {
	case kSubscript:
		obj := t.ChildByField(u, fObject)
		a.Target = x.path(obj)
		a.Computed = true
		if idx := t.ChildByField(u, fIndex); idx >= 0 {
			if s, ok := x.stringValue(idx); ok {
				a.Target = append(a.Target, s)
				a.Computed = false
			} else {
				a.KeyRefs = x.refs(idx, nil)
			}
		}
	case kMember:
		obj := t.ChildByField(u, fObject)
		if ou := x.unwrap(obj); ou >= 0 && t.Kind(ou) == kThis && ou != obj {
			a.ThisCast = true
		}
		a.Target = x.path(u)
	case kIdentifier:
		a.Target = []string{x.text(u)}
	}
	return a.Target != nil
}

func (x *extractor) update(i int, sc scope) {
	t := x.t
	a := Assign{Func: sc.fn, Op: OpIncDec, Cond: sc.cond, Guard: sc.guard, Span: x.span(i), Value: Value{Func: -1}}
	if x.target(t.ChildByField(i, fArgument), &a) {
		x.f.Assigns = append(x.f.Assigns, a)
	}
}

func (x *extractor) deleteExpr(i int, sc scope) {
	t := x.t
	arg := x.unwrap(t.ChildByField(i, fArgument))
	if arg < 0 {
		return
	}
	d := Delete{Func: sc.fn, Span: x.span(i)}
	switch t.Kind(arg) {
	case kMember:
		d.Target = x.path(t.ChildByField(arg, fObject))
		d.Key = x.text(t.ChildByField(arg, fProperty))
	case kSubscript:
		d.Target = x.path(t.ChildByField(arg, fObject))
		idx := t.ChildByField(arg, fIndex)
		if s, ok := x.stringValue(idx); ok {
			d.Key = s
		} else {
			d.Computed = true
			d.KeyText = x.text(x.unwrap(idx))
		}
	default:
		return
	}
	x.f.Deletes = append(x.f.Deletes, d)
}

// regexUse finds what a regex node is used for: a method called on it
// directly, or the variable/field it is stored in.
func (x *extractor) regexUse(i int) (applied, variable string) {
	t := x.t
	p := t.Parent(i)
	for p >= 0 && (t.Kind(p) == kParen || t.Kind(p) == kAs) {
		i, p = p, t.Parent(p)
	}
	if p < 0 {
		return "", ""
	}
	switch t.Kind(p) {
	case kMember:
		if t.ChildByField(p, fObject) == i {
			if prop := t.ChildByField(p, fProperty); prop >= 0 {
				return x.text(prop), ""
			}
		}
	case kVarDeclarator:
		if n := t.ChildByField(p, fName); n >= 0 {
			return "", x.text(n)
		}
	case kFieldDef:
		if n := t.ChildByField(p, fName); n >= 0 {
			return "", "this." + x.text(n)
		}
	case kArguments:
		if c := t.Parent(p); c >= 0 && t.Kind(c) == kCall {
			if f := x.unwrap(t.ChildByField(c, fFunction)); f >= 0 && t.Kind(f) == kMember {
				if prop := t.ChildByField(f, fProperty); prop >= 0 {
					return x.text(prop), ""
				}
			}
		}
	}
	return "", ""
}

func (x *extractor) regex(i int, sc scope) {
	t := x.t
	r := Regex{Func: sc.fn, Span: x.span(i)}
	if p := t.ChildByField(i, fPattern); p >= 0 {
		r.Pattern = x.text(p)
	}
	if f := t.ChildByField(i, fFlags); f >= 0 {
		r.Flags = x.text(f)
	}
	r.Applied, r.Var = x.regexUse(i)
	x.f.Regexes = append(x.f.Regexes, r)
}

func (x *extractor) loop(i int, sc scope) {
	t := x.t
	l := Loop{Func: sc.fn, Span: x.span(i)}
	body := t.ChildByField(i, fBody)
	if cond := t.ChildByField(i, fCondition); cond >= 0 && x.readsClock(cond) {
		// The loop waits on the clock only when nothing it compares the
		// clock against steps inside the body: `current = addDays(current,
		// 1)` or `d.setDate(...)` make it an iteration over dates.
		l.TimeCond = !x.stepsCondVar(cond, body) && !x.stepsCondVar(cond, t.ChildByField(i, fIncrement))
	}
	if body >= 0 {
		l.BodyHasAwait = x.hasAwait(body)
	}
	x.f.Loops = append(x.f.Loops, l)
	inner := sc
	inner.cond = true
	inner.await = false
	x.visitChildren(i, inner)
}

// readsClock reports whether the expression at i reads the current time.
func (x *extractor) readsClock(i int) bool {
	t := x.t
	end := t.Nodes[i].Next
	for j := uint32(i); j < end; j++ {
		if x.isClock(int(j)) {
			return true
		}
	}
	return false
}

// isClock reports whether node i is a clock read: Date.now(),
// performance.now(), process.hrtime(), process.hrtime.bigint() or `new
// Date()` without arguments (`new Date(start)` copies a date, it does not
// read the clock).
func (x *extractor) isClock(i int) bool {
	t := x.t
	switch t.Kind(i) {
	case kCall:
		switch strings.Join(x.path(t.ChildByField(i, fFunction)), ".") {
		case "Date.now", "performance.now", "process.hrtime", "process.hrtime.bigint", "DateTime.now":
			return true
		case "moment", "dayjs", "DateTime.local":
			// moment(), dayjs(): now; moment(start) parses a date
			args := t.ChildByField(i, fArguments)
			return args < 0 || t.NamedChild(args, 0) < 0
		}
	case kNew:
		if strings.Join(x.path(t.ChildByField(i, fConstructor)), ".") != "Date" {
			return false
		}
		args := t.ChildByField(i, fArguments)
		return args < 0 || t.NamedChild(args, 0) < 0
	}
	return false
}

// condVars returns the variables and member paths the loop condition at
// cond compares the clock against: those of the comparison (or comparing
// call, isBefore(current, new Date())) around each clock read, leaving out
// the clock reads; the whole condition when no comparison encloses it.
// `Date.now() < end && !done` compares the clock against end only.
func (x *extractor) condVars(cond int) map[string]bool {
	t := x.t
	out := map[string]bool{}
	end := t.Nodes[cond].Next
	for j := uint32(cond); j < end; j++ {
		if !x.isClock(int(j)) {
			continue
		}
		scope := cond
		for a := t.Parent(int(j)); a >= 0 && a != t.Parent(cond); a = t.Parent(a) {
			if a == cond {
				break
			}
			if k := t.Kind(a); k == kCall || k == kBinary && isComparison(x.text(t.ChildByField(a, fOperator))) {
				scope = a
				break
			}
		}
		x.collectVars(scope, out)
	}
	return out
}

func isComparison(op string) bool {
	switch op {
	case "<", "<=", ">", ">=", "==", "!=", "===", "!==":
		return true
	}
	return false
}

// collectVars adds the identifiers and member paths under node i, leaving
// out clock reads and nested functions.
func (x *extractor) collectVars(i int, out map[string]bool) {
	t := x.t
	end := t.Nodes[i].Next
	for j := uint32(i); j < end; {
		k := t.Nodes[j].Kind
		if x.isClock(int(j)) || k == kArrow || k == kFuncExpr {
			j = t.Nodes[j].Next
			continue
		}
		switch k {
		case kIdentifier:
			out[x.text(int(j))] = true
		case kMember:
			if p := x.path(int(j)); len(p) > 0 {
				out[strings.Join(p, ".")] = true
			}
		}
		j++
	}
}

// stepsCondVar reports whether code at i (a loop body or a for increment)
// changes a variable the condition at cond compares, other than by reading
// the clock: `current = addDays(current, 1)`, `day++`, `d.setDate(...)`.
func (x *extractor) stepsCondVar(cond, i int) bool {
	if i < 0 {
		return false
	}
	t := x.t
	vars := x.condVars(cond)
	if len(vars) == 0 {
		return false
	}
	end := t.Nodes[i].Next
	for j := uint32(i); j < end; {
		switch t.Nodes[j].Kind {
		case kArrow, kFuncExpr, kFuncDecl:
			j = t.Nodes[j].Next
			continue
		case kAssign, kAugAssign:
			left := x.unwrap(t.ChildByField(int(j), fLeft))
			if p := x.path(left); len(p) > 0 && vars[strings.Join(p, ".")] {
				right := t.ChildByField(int(j), fRight)
				if t.Nodes[j].Kind == kAugAssign || right < 0 || !x.readsClock(right) {
					return true
				}
			}
		case kUpdate:
			if p := x.path(t.ChildByField(int(j), fArgument)); len(p) > 0 && vars[strings.Join(p, ".")] {
				return true
			}
		case kCall:
			// d.setDate(d.getDate() + 1), d.setTime(...), m.add(1, 'day'):
			// a date stepped in place.
			if p := x.path(t.ChildByField(int(j), fFunction)); len(p) > 1 && vars[strings.Join(p[:len(p)-1], ".")] {
				if meth := p[len(p)-1]; strings.HasPrefix(meth, "set") || meth == "add" || meth == "subtract" {
					return true
				}
			}
		}
		j++
	}
	return false
}

func (x *extractor) hasAwait(i int) bool {
	t := x.t
	end := t.Nodes[i].Next
	for j := uint32(i); j < end; {
		switch t.Nodes[j].Kind {
		case kAwait:
			return true
		case kArrow, kFuncExpr, kFuncDecl:
			j = t.Nodes[j].Next // skip nested functions
			continue
		}
		if t.Nodes[j].Kind == kFor || t.Nodes[j].Kind == kForIn {
			// `for await` holds an 'await' token
			for c := t.FirstChild(int(j)); c >= 0; c = t.NextSibling(c) {
				if x.text(c) == "await" {
					return true
				}
			}
		}
		j++
	}
	return false
}

// outerNode returns the parent of i, looking through parentheses and type
// assertions, with the child of that parent on the way (i itself or the
// wrapper around it).
func (x *extractor) outerNode(i int) (parent, child int) {
	t := x.t
	child = i
	p := t.Parent(i)
	for p >= 0 {
		switch t.Kind(p) {
		case kParen, kAs, kSatisfies, kNonNull, kTypeAssertion:
			child, p = p, t.Parent(p)
			continue
		}
		break
	}
	return p, child
}

// callUse says what the parent expression does with the value of call i and
// which call consumes it. The consuming call was recorded before i: call
// records itself before it walks its callee and arguments.
func (x *extractor) callUse(i int) (CallUse, int) {
	t := x.t
	p, child := x.outerNode(i)
	if p < 0 {
		return UseOther, -1
	}
	switch t.Kind(p) {
	case kExprStatement:
		return UseDiscard, -1
	case kAwait:
		return UseAwait, -1
	case kReturn:
		return UseReturn, -1
	case kArrow:
		if t.ChildByField(p, fBody) == child {
			return UseReturn, -1
		}
	case kUnary:
		if op := t.ChildByField(p, fOperator); op >= 0 && x.text(op) == "void" {
			return UseVoid, -1
		}
	case kMember:
		if t.ChildByField(p, fObject) != child {
			break
		}
		gp, gchild := x.outerNode(p)
		if gp >= 0 && t.Kind(gp) == kCall && t.ChildByField(gp, fFunction) == gchild {
			if ci, ok := x.callAt[uint32(gp)]; ok {
				return UseRecv, ci
			}
		}
	case kArguments, kArray:
		args := p
		if t.Kind(p) == kArray {
			args, _ = x.outerNode(p)
			if args < 0 || t.Kind(args) != kArguments {
				break
			}
		}
		if c := t.Parent(args); c >= 0 {
			if ci, ok := x.callAt[uint32(c)]; ok {
				return UseArg, ci
			}
		}
	}
	return UseOther, -1
}

// inTry reports whether node i lies in the block of a try statement of its
// own function.
func (x *extractor) inTry(i int) bool {
	// Memoized per node (0 unknown, 1 no, 2 yes), so that deeply nested
	// calls stay linear: f(g(g(...))) asks once per level.
	t := x.t
	if x.tryMemo == nil {
		x.tryMemo = make([]uint8, len(t.Nodes))
	}
	var path []int
	res := uint8(1)
	child := i
	for {
		if m := x.tryMemo[child]; m != 0 {
			res = m
			break
		}
		path = append(path, child)
		p := t.Parent(child)
		if p < 0 {
			break
		}
		k := t.Kind(p)
		if k == kArrow || k == kFuncExpr || k == kFuncDecl || k == kGenFunc || k == kGenFuncDecl || k == kMethodDef || k == kClassBody {
			break
		}
		if k == kTry && t.ChildByField(p, fBody) == child {
			res = 2
			break
		}
		child = p
	}
	for _, n := range path {
		x.tryMemo[n] = res
	}
	return res == 2
}

// branches records the arms of an if statement or a ?: expression.
func (x *extractor) branches(i int) {
	t := x.t
	cond := t.ChildByField(i, fCondition)
	if cond < 0 {
		return
	}
	text := x.text(cond)
	if c := t.ChildByField(i, fConsequence); c >= 0 {
		x.f.Branches = append(x.f.Branches, Branch{Cond: text, Span: x.span(c)})
	}
	if a := t.ChildByField(i, fAlternative); a >= 0 {
		x.f.Branches = append(x.f.Branches, Branch{Cond: text, Else: true, Span: x.span(a)})
	}
}
