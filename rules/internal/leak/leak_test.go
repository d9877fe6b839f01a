package leak

import "testing"

func TestSizeRead(t *testing.T) {
	tests := []struct {
		name, base, text string
		want             bool
	}{
		{"map size", "this.cache", "if (this.cache.size > 100) return;", true},
		{"array length", "queue", "while (queue.length >= MAX) {}", true},
		{"object keys", "this.hits", "Object.keys(this.hits).length < 10", true},
		{"other field", "this.cache", "this.cache2.size", false},
		{"member of other", "cache", "this.cache.size", false},
		{"no read", "this.cache", "this.cache.set(k, v)", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := readsSize([]byte(tc.text), tc.base); got != tc.want {
				t.Errorf("readsSize(%q) on %q = %v, want %v", tc.base, tc.text, got, tc.want)
			}
		})
	}
}

func TestMentions(t *testing.T) {
	tests := []struct {
		name, text, base string
		want             bool
	}{
		{"negated", "!client", "client", true},
		{"compare", "client === undefined", "client", true},
		{"prefix", "clientId", "client", false},
		{"member", "this.client", "client", false},
		{"this field", "!this.client", "this.client", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := mentions(tc.text, tc.base); got != tc.want {
				t.Errorf("mentions(%q, %q) = %v, want %v", tc.text, tc.base, got, tc.want)
			}
		})
	}
}

func TestLazyPatterns(t *testing.T) {
	tests := []struct {
		guard string
		want  bool
	}{
		{"(!loaded)", true},
		{"( ! loaded )", true},
		{"(!loaded && x)", false},
		{"(loaded)", false},
	}
	for _, tc := range tests {
		if got := notFlag.MatchString(tc.guard); got != tc.want {
			t.Errorf("notFlag(%q) = %v, want %v", tc.guard, got, tc.want)
		}
	}
}

func TestRequestWords(t *testing.T) {
	// every text the regexp matches passes the cheap test
	for _, text := range []string{
		"ctx.switchToHttp().getRequest()", "host.switchToWs().getData()", "ctx.switchToRpc().getData()",
		"ctx.getArgs()", "ctx.getArgByIndex(0)", "GqlExecutionContext.create(ctx)", "als.getStore()", "this.cls.get('user')",
	} {
		if !requestSourceText.MatchString(text) {
			t.Errorf("regexp does not match %q", text)
		}
		if !mayReadRequest([]byte(text)) {
			t.Errorf("mayReadRequest(%q) = false", text)
		}
	}
	if mayReadRequest([]byte("this.repo.findOne(id)")) {
		t.Errorf("mayReadRequest on a plain call")
	}
}
