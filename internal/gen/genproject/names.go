package genproject

import (
	"fmt"
	"strings"
)

// nouns and qualifiers name the feature modules. None of them may collide with an identifier that the
// generated files import (Column, Entity, Index, Repository...) or with a DOM global, and the two lists
// must stay disjoint so that every qualifier-noun pair is unique.
var nouns = []string{
	"invoice", "payment", "shipment", "product", "customer", "supplier", "warehouse", "category",
	"review", "coupon", "campaign", "ticket", "project", "task", "feedback", "reminder",
	"subscription", "plan", "device", "sensor", "reading", "booking", "room", "vehicle",
	"route", "driver", "employee", "department", "contract", "dossier", "asset", "license",
	"survey", "question", "lesson", "course", "address", "refund", "voucher", "shift",
}

var qualifiers = []string{
	"billing", "shipping", "partner", "regional", "vendor", "fleet", "retail", "wholesale",
	"support", "loyalty", "payroll", "audit", "marketing", "inventory", "tenant", "branch",
	"field", "training", "compliance", "procurement",
}

// names holds the spellings of one module name.
type names struct {
	kebab  string // billing-invoice
	pascal string // BillingInvoice
	camel  string // billingInvoice
	label  string // billing invoice
	route  string // billing-invoices
	table  string // billing_invoices
}

// moduleNames returns the names of module i. They depend on i only, never on the seed or the module
// count, so module i is called the same in every generated project.
func moduleNames(i int) names {
	var words []string
	suffix := ""
	if i < len(nouns) {
		words = []string{nouns[i]}
	} else {
		j := i - len(nouns)
		per := len(nouns) * len(qualifiers)
		words = []string{qualifiers[(j/len(nouns))%len(qualifiers)], nouns[j%len(nouns)]}
		if round := j / per; round > 0 {
			suffix = fmt.Sprint(round + 1)
		}
	}
	plural := append(append([]string(nil), words[:len(words)-1]...), pluralize(words[len(words)-1]))
	n := names{
		kebab: strings.Join(words, "-"),
		label: strings.Join(words, " "),
		route: strings.Join(plural, "-"),
		table: strings.Join(plural, "_"),
	}
	for k, w := range words {
		n.pascal += capitalize(w)
		if k == 0 {
			n.camel += w
		} else {
			n.camel += capitalize(w)
		}
	}
	if suffix != "" {
		n.kebab += "-" + suffix
		n.label += " " + suffix
		n.route += "-" + suffix
		n.table += "_" + suffix
		n.pascal += suffix
		n.camel += suffix
	}
	return n
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func pluralize(w string) string {
	switch {
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "x"), strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "sh"):
		return w + "es"
	case strings.HasSuffix(w, "y") && len(w) > 1 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return w[:len(w)-1] + "ies"
	}
	return w + "s"
}
