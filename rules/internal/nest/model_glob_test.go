package nest

import "testing"

func TestGlobMatch(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		g, rel string
		want   bool
	}{
		{"**/*.spec.ts", "src/users/users.service.spec.ts", true},
		{"**/*.spec.ts", "src/users/users.service.ts", false},
		{"**/seed.ts", "scripts/seed.ts", true},
		{"**/seed.ts", "seed.ts", true},
		{"**/seed.ts", "src/reseed.ts", false},
		{"**/migrations/**", "src/database/migrations/1-init.ts", true},
		{"**/migrations/**", "migrations/1-init.ts", true},
		{"**/migrations/**", "src/migrations.ts", false},
		{"**/test/**", "apps/api/test/app.e2e-spec.ts", true},
		{"src/legacy/**/*.ts", "src/legacy/a/b.ts", true},
		{"src/legacy/**/*.ts", "src/new/a.ts", false},
	} {
		if got := globMatch(tc.g, tc.rel); got != tc.want {
			t.Errorf("globMatch(%q, %q) = %v, want %v", tc.g, tc.rel, got, tc.want)
		}
	}
}
