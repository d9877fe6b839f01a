package genproject

import (
	"slices"
	"strings"
)

// code accumulates TypeScript source. Lines are written through a per-module replacer, so templates
// can say {{E}} for the entity class and ~ for a backtick (Go raw strings cannot hold backticks).
type code struct {
	b   strings.Builder
	rep *strings.Replacer
}

func newCode(rep *strings.Replacer) *code { return &code{rep: rep} }

// add writes a block of template lines. A block that starts with a newline is preceded by a blank
// line, except at the very start of the file.
func (c *code) add(block string) {
	if c.b.Len() == 0 {
		block = strings.TrimLeft(block, "\n")
	}
	if c.rep != nil {
		block = c.rep.Replace(block)
	}
	c.b.WriteString(block)
	if !strings.HasSuffix(block, "\n") {
		c.b.WriteByte('\n')
	}
}

// blank writes an empty line.
func (c *code) blank() { c.b.WriteByte('\n') }

func (c *code) String() string { return c.b.String() }

// imports collects named imports per module specifier and renders them like Prettier would:
// packages before relative paths, both sorted, long lists wrapped one name per line.
type imports map[string][]string

func (im imports) add(from string, names ...string) {
	for _, n := range names {
		if !slices.Contains(im[from], n) {
			im[from] = append(im[from], n)
		}
	}
}

func (im imports) render() string {
	froms := make([]string, 0, len(im))
	for f := range im {
		froms = append(froms, f)
	}
	slices.SortFunc(froms, func(a, b string) int {
		ra, rb := strings.HasPrefix(a, "."), strings.HasPrefix(b, ".")
		if ra != rb {
			if ra {
				return 1
			}
			return -1
		}
		return strings.Compare(a, b)
	})
	var b strings.Builder
	for _, f := range froms {
		ns := slices.Clone(im[f])
		slices.SortFunc(ns, func(x, y string) int {
			return strings.Compare(strings.ToLower(x), strings.ToLower(y))
		})
		one := "import { " + strings.Join(ns, ", ") + " } from '" + f + "';"
		if len(one) <= 100 {
			b.WriteString(one + "\n")
			continue
		}
		b.WriteString("import {\n")
		for _, n := range ns {
			b.WriteString("  " + n + ",\n")
		}
		b.WriteString("} from '" + f + "';\n")
	}
	return b.String()
}
