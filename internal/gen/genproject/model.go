package genproject

import (
	"math/rand/v2"
	"slices"
	"strings"
)

type kind int

const (
	kString kind = iota
	kText
	kEmail
	kURL
	kCurrency
	kInt
	kDecimal
	kBool
	kDate
	kStrings
)

type field struct {
	name     string
	kind     kind
	optional bool
}

// fieldPool lists the optional entity columns a module draws from; every module also has id, name,
// status, createdAt and updatedAt.
var fieldPool = []field{
	{name: "title", kind: kString}, {name: "description", kind: kText}, {name: "code", kind: kString},
	{name: "email", kind: kEmail}, {name: "amount", kind: kDecimal}, {name: "quantity", kind: kInt},
	{name: "priority", kind: kInt}, {name: "score", kind: kDecimal}, {name: "active", kind: kBool},
	{name: "verified", kind: kBool}, {name: "dueDate", kind: kDate}, {name: "startsAt", kind: kDate},
	{name: "region", kind: kString}, {name: "currency", kind: kCurrency}, {name: "weight", kind: kDecimal},
	{name: "notes", kind: kText}, {name: "reference", kind: kString}, {name: "externalId", kind: kString},
	{name: "capacity", kind: kInt}, {name: "expiresAt", kind: kDate}, {name: "rating", kind: kInt},
	{name: "website", kind: kURL}, {name: "phone", kind: kString}, {name: "labels", kind: kStrings},
}

func (f field) numeric() bool { return f.kind == kInt || f.kind == kDecimal }

// scalar reports whether the column fits in one CSV cell.
func (f field) scalar() bool { return f.kind != kStrings && f.kind != kText }

type extra int

// The optional service methods, each with a controller endpoint. Their order is the order of
// appearance in the generated files.
const (
	exCountByStatus extra = iota
	exFindRecent
	exTotals
	exExportCSV
	exArchiveStale
	exBulkCreate
	exTransition
	exReconcile
	exWithParent
	numExtras
)

// plantEvery is the period of the planted event-loop/sync-io finding: module i has one iff
// i%plantEvery == plantAt.
const (
	plantEvery = 20
	plantAt    = 7
)

type module struct {
	index int
	names
	prev *module

	fields        []field
	extras        []extra
	planted       bool
	uniqueName    bool // @Index({ unique: true }) on name
	intercepted   bool // controller carries @UseInterceptors(LoggingInterceptor)
	statusFilter  bool // findAll takes ?status=
	guardArchived bool // update refuses archived rows
}

// newModule draws module i from its own random stream, seeded by (seed, i), so a module's content
// does not depend on how many modules follow it.
func newModule(i int, seed int64, prev *module) *module {
	rng := rand.New(rand.NewPCG(uint64(seed), uint64(i)*0x9e3779b97f4a7c15+1))
	m := &module{
		index:         i,
		names:         moduleNames(i),
		prev:          prev,
		planted:       i%plantEvery == plantAt,
		uniqueName:    rng.IntN(2) == 0,
		intercepted:   rng.IntN(3) == 0,
		statusFilter:  rng.IntN(2) == 0,
		guardArchived: rng.IntN(2) == 0,
	}
	n := 2 + rng.IntN(7) // 2..8 extra columns
	for _, k := range rng.Perm(len(fieldPool))[:n] {
		f := fieldPool[k]
		if f.kind == kString || f.kind == kInt || f.kind == kDecimal {
			f.optional = rng.IntN(3) == 0
		}
		m.fields = append(m.fields, f)
	}
	var candidates []extra
	for e := extra(0); e < numExtras; e++ {
		if e == exTotals && m.numericField() == nil {
			continue
		}
		if e == exWithParent && prev == nil {
			continue
		}
		candidates = append(candidates, e)
	}
	rng.Shuffle(len(candidates), func(a, b int) { candidates[a], candidates[b] = candidates[b], candidates[a] })
	k := 1 + rng.IntN(4) // 1..4 extra methods
	if prev != nil && !slices.Contains(candidates[:k], exWithParent) {
		// Most modules use their dependency beyond create(), as real services do.
		if rng.IntN(4) != 0 {
			candidates[k-1] = exWithParent
		}
	}
	m.extras = slices.Clone(candidates[:k])
	slices.Sort(m.extras)
	return m
}

func (m *module) numericField() *field {
	for i := range m.fields {
		if m.fields[i].numeric() {
			return &m.fields[i]
		}
	}
	return nil
}

func (m *module) has(e extra) bool { return slices.Contains(m.extras, e) }

func (m *module) dateFields() []field {
	var out []field
	for _, f := range m.fields {
		if f.kind == kDate {
			out = append(out, f)
		}
	}
	return out
}

// replacer expands the template tokens for this module.
func (m *module) replacer() *strings.Replacer {
	pairs := []string{
		"~", "`",
		"{{E}}", m.pascal,
		"{{e}}", m.camel,
		"{{k}}", m.kebab,
		"{{label}}", m.label,
		"{{route}}", m.route,
		"{{table}}", m.table,
	}
	if m.prev != nil {
		pairs = append(pairs,
			"{{P}}", m.prev.pascal,
			"{{p}}", m.prev.camel,
			"{{pk}}", m.prev.kebab,
			"{{plabel}}", m.prev.label,
		)
	}
	return strings.NewReplacer(pairs...)
}
