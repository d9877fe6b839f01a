package checkertest

import "testing"

func TestApplyEdits(t *testing.T) {
	t.Parallel()
	src := []byte("0123456789")
	for _, tc := range []struct {
		name  string
		edits []fixEdit
		want  string
		err   bool
	}{
		{"none", nil, "0123456789", false},
		{"insert and replace, any order", []fixEdit{{8, 10, "X"}, {0, 0, "<"}, {3, 5, ""}}, "<012567X", false},
		{"identical edits count once", []fixEdit{{2, 2, "a"}, {2, 2, "a"}}, "01a23456789", false},
		{"overlap", []fixEdit{{1, 4, "a"}, {3, 5, "b"}}, "", true},
		{"two insertions at one offset", []fixEdit{{2, 2, "a"}, {2, 2, "b"}}, "", true},
		{"past the end", []fixEdit{{9, 11, ""}}, "", true},
	} {
		got, err := applyEdits(src, tc.edits)
		if (err != nil) != tc.err || err == nil && string(got) != tc.want {
			t.Errorf("%s: got %q, %v; want %q (error %v)", tc.name, got, err, tc.want, tc.err)
		}
	}
}
