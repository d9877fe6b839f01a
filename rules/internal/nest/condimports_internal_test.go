package nest

import (
	"slices"
	"testing"
)

func TestBranchNames(t *testing.T) {
	for _, c := range []struct {
		in     string
		spread bool
		want   []string
	}{
		{"(isAdmin ? [AdminModule] : [])", false, []string{"AdminModule"}},
		{"isAdmin ? [AdminModule, ConfigModule.forRoot({ a: 'x:y' })] : [MetricsModule]", false, []string{"AdminModule", "ConfigModule.forRoot", "MetricsModule"}},
		{"a ? (b ? A : B) : C", false, []string{"A", "B", "C"}},
		{"env?.x ? A : undefined", false, []string{"A"}},
		{"x ?? y ? A : null", false, []string{"A"}},
		{"[...(on ? [A] : []), B]", false, []string{"A", "B"}},
		{"getModules()", false, []string{"getModules"}}, // a call of a name: kept as written, like ConfigModule.forRoot()
		{"getModules().filter(Boolean)", false, nil},
		{"cond && A", false, nil},
		{"", false, nil},
		{"(((", false, nil},
		{"(isAdmin ? [AdminModule] : [])", true, []string{"AdminModule"}},
		{"isAdmin ? [A, ...more] : B", true, []string{"A"}},
		{"extraModules()", true, nil},
		{"[...extra(), A]", false, []string{"A"}},
		{"a ? 'x' : \"y\"", false, nil},
	} {
		if got := branchNames(c.in, c.spread, 0); !slices.Equal(got, c.want) {
			t.Errorf("branchNames(%q, spread %v) = %q, want %q", c.in, c.spread, got, c.want)
		}
	}
}
