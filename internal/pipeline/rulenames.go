package pipeline

import (
	"slices"
	"strings"

	"github.com/nestlint/nestlint/rules/lint"
)

// SortedRules returns the rules sorted by public id.
func SortedRules(all []*lint.Rule) []*lint.Rule {
	rs := slices.Clone(all)
	slices.SortFunc(rs, func(a, b *lint.Rule) int { return strings.Compare(a.ID, b.ID) })
	return rs
}

// Suggest returns the id of the rule closest to name by edit distance,
// comparing with the id, the id without its category ("sync-io") and the
// Go name ("syncio"), or "" when none is close enough to be a typo.
func Suggest(name string, all []*lint.Rule) string {
	name = strings.ToLower(name)
	best, bestDist := "", -1
	for _, r := range all {
		_, short, _ := strings.Cut(r.ID, "/")
		for _, cand := range []string{r.ID, short, r.Name} {
			if cand == "" {
				continue
			}
			d := editDistance(name, strings.ToLower(cand))
			if bestDist < 0 || d < bestDist {
				best, bestDist = r.ID, d
			}
		}
	}
	if bestDist < 0 || bestDist > max(2, len([]rune(name))/3) {
		return ""
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func sortedRules(all []*lint.Rule) []*lint.Rule { return SortedRules(all) }

func suggest(name string, all []*lint.Rule) string { return Suggest(name, all) }
