package rejects

import (
	"strings"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/internal/nest"
)

// Holder is what a receiver expression (`this.repo`, a parameter, a local)
// is known to hold.
type Holder struct {
	External string             // "module:Name" of an external type or DI token
	Class    *nest.ClassRef     // a project class
	Init     parser.Value       // the initializer of a field or local, when there is one
	InitFile nest.FileID        // file of Init
	Decl     parser.Span        // where the holder is declared (field, parameter or local)
	Deco     []parser.Decorator // decorators on the field or constructor parameter
}

// HolderOf resolves the first one or two names of path as seen from function
// fn of file fi: `this.x` (an injected dependency or a field, also of base
// classes) or a parameter or local of fn and its enclosing functions.
func HolderOf(m *nest.Model, fi nest.FileID, fn int, path []string) (Holder, bool) {
	if len(path) == 0 {
		return Holder{}, false
	}
	f := m.Files[fi].Facts
	if path[0] == "this" {
		if len(path) < 2 || fn < 0 || f.Funcs[fn].Class < 0 {
			return Holder{}, false
		}
		return fieldHolder(m, nest.ClassRef{File: fi, Index: nest.ClassID(f.Funcs[fn].Class)}, path[1])
	}
	for cur := fn; cur >= 0; cur = f.Funcs[cur].Parent {
		for _, p := range f.Funcs[cur].Params {
			if p.Name == path[0] {
				h := Holder{Decl: p.Span, Deco: p.Decorators, InitFile: fi}
				typeHolder(m, fi, p.TypeName, &h)
				return h, true
			}
		}
		for li := range f.Locals {
			l := &f.Locals[li]
			if l.Func == cur && l.Name == path[0] {
				h := Holder{Init: l.Value, InitFile: fi, Decl: l.Span}
				typeHolder(m, fi, l.TypeName, &h)
				return h, true
			}
		}
	}
	if d := m.Resolve(fi, nest.FuncID(fn), path[0]); d.Kind == nest.DeclVar && d.Index >= 0 {
		l := &m.Files[d.File].Facts.Locals[d.Index]
		h := Holder{Init: l.Value, InitFile: d.File, Decl: l.Span}
		typeHolder(m, d.File, l.TypeName, &h)
		return h, true
	}
	return Holder{}, false
}

func typeHolder(m *nest.Model, fi nest.FileID, typeName string, h *Holder) {
	if typeName == "" {
		return
	}
	d := m.ResolveTop(fi, strings.Split(typeName, ".")[0])
	switch d.Kind {
	case nest.DeclExternal:
		h.External = d.Module + ":" + d.Name
	case nest.DeclClass:
		h.Class = &nest.ClassRef{File: d.File, Index: nest.ClassID(d.Index)}
	}
}

func fieldHolder(m *nest.Model, c nest.ClassRef, name string) (Holder, bool) {
	for depth := 0; depth < 16; depth++ {
		info := m.Classes[c]
		if info == nil {
			return Holder{}, false
		}
		cl := m.Class(c)
		f := m.Files[c.File].Facts
		for _, d := range info.Deps {
			if d.Name != name {
				continue
			}
			h := Holder{External: d.External, Class: d.Class, InitFile: c.File}
			if cl.Ctor >= 0 {
				for _, p := range f.Funcs[cl.Ctor].Params {
					if p.Name == name {
						h.Decl, h.Deco = p.Span, p.Decorators
						if h.External == "" && h.Class == nil {
							typeHolder(m, c.File, p.TypeName, &h)
						}
					}
				}
			}
			return h, true
		}
		for _, fd := range cl.Fields {
			if fd.Name != name {
				continue
			}
			h := Holder{Init: fd.Init, InitFile: c.File, Decl: fd.Span, Deco: fd.Decorators}
			typeHolder(m, c.File, fd.TypeName, &h)
			return h, true
		}
		if info.Base == nil {
			return Holder{}, false
		}
		c = *info.Base
	}
	return Holder{}, false
}

// ClassExtends reports the external base ("module:Name") of a project class,
// following project bases.
func ClassExtends(m *nest.Model, c nest.ClassRef) string {
	for depth := 0; depth < 16; depth++ {
		cl := m.Class(c)
		if cl.Extends == "" {
			return ""
		}
		d := m.ResolveTop(c.File, strings.Split(cl.Extends, ".")[0])
		switch d.Kind {
		case nest.DeclExternal:
			return d.Module + ":" + d.Name
		case nest.DeclClass:
			c = d.Class()
		default:
			return ""
		}
	}
	return ""
}

var (
	typeormTypes = map[string]bool{
		"typeorm:Repository": true, "typeorm:TreeRepository": true, "typeorm:MongoRepository": true,
		"typeorm:EntityManager": true, "typeorm:DataSource": true, "typeorm:Connection": true, "typeorm:QueryRunner": true,
	}
	typeormMethods = set("save", "insert", "update", "upsert", "delete", "remove", "softDelete", "softRemove", "restore",
		"recover", "find", "findBy", "findOne", "findOneBy", "findOneOrFail", "findOneByOrFail", "findAndCount",
		"findAndCountBy", "count", "countBy", "exist", "exists", "existsBy", "query", "increment", "decrement", "sum",
		"average", "minimum", "maximum", "clear", "preload", "transaction", "connect", "startTransaction",
		"commitTransaction", "rollbackTransaction")
	prismaMethods = set("findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany", "create",
		"createMany", "createManyAndReturn", "update", "updateMany", "upsert", "delete", "deleteMany", "count",
		"aggregate", "groupBy")
	prismaClientMethods = set("$queryRaw", "$queryRawUnsafe", "$executeRaw", "$executeRawUnsafe", "$transaction", "$connect")
	mongooseMethods     = set("create", "insertMany", "bulkWrite", "createCollection", "syncIndexes", "bulkSave")
	queueTypes          = map[string]bool{"bull:Queue": true, "bullmq:Queue": true}
	queueMethods        = set("add", "addBulk")
	cacheTypes          = map[string]bool{"@nestjs/cache-manager:CACHE_MANAGER": true, "@nestjs/common:CACHE_MANAGER": true, "cache-manager:Cache": true}
	cacheMethods        = set("get", "set", "del", "reset", "wrap", "mget", "mset", "mdel", "clear")
	// HTTPMethods are the request methods of axios and its instances.
	HTTPMethods = set("get", "post", "put", "patch", "delete", "head", "options", "request", "getUri")
)

func set(xs ...string) map[string]bool {
	out := make(map[string]bool, len(xs))
	for _, x := range xs {
		out[x] = true
	}
	return out
}

// API names the known rejecting API that call ci of file fi makes
// ("TypeORM Repository.save", "axios.get"), or "".
func API(m *nest.Model, fi nest.FileID, ci nest.CallID) string {
	f := m.Files[fi].Facts
	c := &f.Calls[ci]
	if c.New || len(c.Path) == 0 {
		return ""
	}
	if h := HTTP(m, fi, ci); h != nil {
		if h.Client == HTTPService {
			return "" // an Observable: it does nothing until subscribed, and never rejects
		}
		return h.Name
	}
	callee := m.ResolveCallee(fi, ci)
	if callee.External != "" {
		ext := callee.External
		switch {
		case strings.HasPrefix(ext, "fs/promises."), strings.HasPrefix(ext, "fs.promises."):
			return ext
		case ext == "rxjs.firstValueFrom", ext == "rxjs.lastValueFrom":
			return strings.TrimPrefix(ext, "rxjs.")
		}
		return ""
	}
	h, ok := HolderOf(m, fi, c.Func, c.Path)
	if !ok {
		return ""
	}
	n := len(c.Path)
	rootLen := 1
	if c.Path[0] == "this" {
		rootLen = 2
	}
	switch n - rootLen {
	case 1:
		switch {
		case typeormTypes[h.External] && typeormMethods[c.Method]:
			return "TypeORM " + strings.TrimPrefix(h.External, "typeorm:") + "." + c.Method
		case h.External == "mongoose:Model" && mongooseMethods[c.Method]:
			return "Mongoose Model." + c.Method
		case queueTypes[h.External] && queueMethods[c.Method]:
			return "queue." + c.Method
		case cacheTypes[h.External] && cacheMethods[c.Method]:
			return "cache manager " + c.Method
		case isPrisma(m, h) && prismaClientMethods[c.Method]:
			return "Prisma " + c.Method
		}
	case 2:
		if isPrisma(m, h) && prismaMethods[c.Method] {
			return "Prisma " + c.Path[n-2] + "." + c.Method
		}
	}
	return ""
}

func isPrisma(m *nest.Model, h Holder) bool {
	if h.External == "@prisma/client:PrismaClient" {
		return true
	}
	return h.Class != nil && ClassExtends(m, *h.Class) == "@prisma/client:PrismaClient"
}

// HTTPClient classifies an outbound HTTP call.
type HTTPClient uint8

// HTTP clients.
const (
	AxiosDefault  HTTPClient = iota + 1 // axios.get(...), axios(...)
	AxiosInstance                       // an axios.create() instance, or HttpService.axiosRef
	HTTPService                         // @nestjs/axios HttpService (returns an Observable)
	Fetch                               // global fetch, node-fetch, undici.fetch
	Got                                 // got, got.get, ...
	Undici                              // undici.request
)

// HTTPCall is an outbound HTTP call.
type HTTPCall struct {
	Client HTTPClient
	Name   string // for messages: "axios.get", "HttpService.get", "fetch"
	// Holder is the instance the call is made on (AxiosInstance, HTTPService).
	Holder Holder
}

// HTTP classifies call ci of file fi as an outbound HTTP call, or nil.
func HTTP(m *nest.Model, fi nest.FileID, ci nest.CallID) *HTTPCall {
	f := m.Files[fi].Facts
	c := &f.Calls[ci]
	if c.New || len(c.Path) == 0 {
		return nil
	}
	if len(c.Path) == 1 && c.Path[0] == "fetch" && m.Resolve(fi, nest.FuncID(c.Func), "fetch").Kind == nest.DeclNone {
		return &HTTPCall{Client: Fetch, Name: "fetch"}
	}
	callee := m.ResolveCallee(fi, ci)
	if callee.External != "" {
		member := strings.TrimPrefix(strings.TrimPrefix(callee.External, callee.Module), ".")
		switch callee.Module {
		case "axios":
			member = strings.TrimPrefix(strings.TrimPrefix(member, "default"), ".")
			if member == "" || HTTPMethods[member] {
				return &HTTPCall{Client: AxiosDefault, Name: strings.TrimSuffix("axios."+member, ".")}
			}
		case "node-fetch":
			if member == "" || member == "default" {
				return &HTTPCall{Client: Fetch, Name: "fetch"}
			}
		case "undici":
			switch member {
			case "fetch":
				return &HTTPCall{Client: Fetch, Name: "undici.fetch"}
			case "request":
				return &HTTPCall{Client: Undici, Name: "undici.request"}
			}
		case "got":
			member = strings.TrimPrefix(strings.TrimPrefix(member, "default"), ".")
			if member == "" || HTTPMethods[member] {
				return &HTTPCall{Client: Got, Name: strings.TrimSuffix("got."+member, ".")}
			}
		}
		return nil
	}
	if !HTTPMethods[c.Method] {
		return nil // every client below is called by an HTTP method's name: spare HolderOf
	}
	h, ok := HolderOf(m, fi, c.Func, c.Path)
	if !ok {
		return nil
	}
	rootLen := 1
	if c.Path[0] == "this" {
		rootLen = 2
	}
	rest := c.Path[rootLen:]
	switch {
	case h.External == "@nestjs/axios:HttpService" && len(rest) == 1 && HTTPMethods[c.Method]:
		return &HTTPCall{Client: HTTPService, Name: "HttpService." + c.Method, Holder: h}
	case h.External == "@nestjs/axios:HttpService" && len(rest) == 2 && rest[0] == "axiosRef" && HTTPMethods[c.Method]:
		return &HTTPCall{Client: AxiosInstance, Name: "HttpService.axiosRef." + c.Method, Holder: h}
	case len(rest) == 1 && HTTPMethods[c.Method] && isAxiosInstance(m, h):
		return &HTTPCall{Client: AxiosInstance, Name: "axios instance " + c.Method, Holder: h}
	}
	return nil
}

// AxiosCreate returns the axios.create call a value is, if it is one.
func AxiosCreate(m *nest.Model, fi nest.FileID, v parser.Value) bool {
	if v.Kind != parser.VCall || !strings.HasSuffix(v.Text, ".create") {
		return false
	}
	root := strings.Split(v.Text, ".")[0]
	d := m.ResolveTop(fi, root)
	return d.Kind == nest.DeclExternal && d.Module == "axios"
}

func isAxiosInstance(m *nest.Model, h Holder) bool {
	return h.External == "axios:AxiosInstance" || AxiosCreate(m, h.InitFile, h.Init)
}

// ORM names the database client a holder is: "typeorm", "prisma",
// "mikro-orm", "knex", "drizzle", "mongoose", "sequelize", or "".
func ORM(m *nest.Model, h Holder) string {
	mod, _, _ := strings.Cut(h.External, ":")
	switch {
	case typeormTypes[h.External]:
		return "typeorm"
	case isPrisma(m, h):
		return "prisma"
	case strings.HasPrefix(mod, "@mikro-orm/"):
		return "mikro-orm"
	case mod == "knex" || mod == "nestjs-knex" || mod == "@nestjsplus/knex":
		return "knex"
	case mod == "drizzle-orm" || strings.HasPrefix(mod, "drizzle-orm/"):
		return "drizzle"
	case mod == "mongoose":
		return "mongoose"
	case mod == "sequelize" || mod == "sequelize-typescript":
		return "sequelize"
	}
	if h.Class != nil {
		if base := ClassExtends(m, *h.Class); base != "" {
			return ORM(m, Holder{External: base})
		}
	}
	return ""
}
