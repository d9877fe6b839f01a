package lint

import (
	"sync"

	"golang.org/x/tools/go/analysis"
)

// FileMemo keeps, from one run of a program to the next (Settings.Memo:
// the language server relints on every edit), values an analyzer computes
// from one file's facts alone, keyed by the facts' pointer. Facts are
// never changed once extracted, and an edited file gets new facts, so a
// value found under its facts is the value computing it again would give.
// A value must not hold anything but what the facts say: no FileID, no
// model state.
//
// Each run keeps only the values of the files it asked for, so the memo
// never holds the facts of files that are gone or were edited.
type FileMemo[T any] struct {
	key  string
	memo *Memo
	mu   sync.Mutex
	prev map[any]T
	next map[any]T
}

// FileMemoOf returns the memo of key for this run of pass; without a
// Settings.Memo (a one-shot run) it only computes.
func FileMemoOf[T any](pass *analysis.Pass, key string) *FileMemo[T] {
	fm := &FileMemo[T]{key: key}
	if s := EnvOf(pass).Settings; s != nil && s.Memo != nil {
		fm.memo = s.Memo
		fm.prev, _ = s.Memo.Get(key).(map[any]T)
		fm.next = make(map[any]T, len(fm.prev))
	}
	return fm
}

// Get returns the value of the file whose facts are facts, computing it
// with compute unless an earlier run did.
func (fm *FileMemo[T]) Get(facts any, compute func() T) T {
	if fm.memo == nil {
		return compute()
	}
	fm.mu.Lock()
	v, ok := fm.prev[facts]
	fm.mu.Unlock()
	if !ok {
		v = compute()
	}
	fm.mu.Lock()
	fm.next[facts] = v
	fm.mu.Unlock()
	return v
}

// Keep stores this run's values for the next run; call it once the
// analyzer asked for every file (a run that stopped early keeps what it
// asked for).
func (fm *FileMemo[T]) Keep() {
	if fm.memo != nil {
		fm.memo.Set(fm.key, fm.next)
	}
}
