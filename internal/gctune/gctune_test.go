package gctune

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestPercent(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		live, goal uint64
		want       int
	}{
		{0, 128 * mb, 400},       // nothing live yet: the maximum
		{16 * mb, 128 * mb, 400}, // 700% would reach the goal: capped
		{64 * mb, 128 * mb, 100}, // grows to the goal
		{100 * mb, 128 * mb, 50}, // 28% to the goal: the base is larger
		{128 * mb, 128 * mb, 50}, // at the goal: the base
		{40 * mb, 128 * mb, 220}, // 88 MB more is 220%
		{1, 1<<63 + 1, 400},      // no overflow
		{256 * mb, 128 * mb, 25}, // large: LargeHeadroom, not the base
		{512 * mb, 128 * mb, 15}, // larger: LowPercent, not the base
		{1024 * mb, 0, 15},
		{200 * mb, 512 * mb, 156}, // below the goal it still grows to it
	} {
		if got := Percent(c.live, c.goal, 50, 400); got != c.want {
			t.Errorf("Percent(%d MB, %d MB) = %d, want %d", c.live/mb, c.goal/mb, got, c.want)
		}
	}
}

// TestSettledPercent: a settled heap keeps the base and the goal of
// Percent, with less headroom once it is large.
func TestSettledPercent(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		live, goal uint64
		want       int
	}{
		{0, 128 * mb, 400},       // nothing live yet: the maximum
		{40 * mb, 128 * mb, 220}, // below the goal: grows to it, as Percent
		{20 * mb, 0, 50},         // small: the base (10 MB)
		{100 * mb, 0, 12},        // SettledHeadroom is 12% of it
		{300 * mb, 0, 4},         // 12 MiB
		{1024 * mb, 0, 3},        // SettledLow
	} {
		if got := SettledPercent(c.live, c.goal, 50, 400); got != c.want {
			t.Errorf("SettledPercent(%d MB, %d MB) = %d, want %d", c.live/mb, c.goal/mb, got, c.want)
		}
		if c.live >= 100*mb && SettledPercent(c.live, c.goal, 50, 400) >= Percent(c.live, c.goal, 50, 400) {
			t.Errorf("live %d MB: settled GOGC is not below the growing heap's", c.live/mb)
		}
	}
}

// TestFirstPercent: before any collection, GOGC puts the first one at the
// goal (the runtime's first goal is 4 MiB at GOGC 100).
func TestFirstPercent(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		goal uint64
		base int
		want int
	}{
		{128 * mb, 50, 3200},
		{256 * mb, 50, 6400},
		{1 * mb, 50, 50},         // below the runtime's minimum: the base
		{1 << 62, 50, 1_000_000}, // capped
	} {
		if got := FirstPercent(c.goal, c.base); got != c.want {
			t.Errorf("FirstPercent(%d MB, %d) = %d, want %d", c.goal/mb, c.base, got, c.want)
		}
	}
}

// gcPercent reads GOGC without changing it.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// TestStart: after each collection GOGC follows the live heap; a goal far
// above it gives the maximum, one below it the base.
func TestStart(t *testing.T) {
	defer debug.SetGCPercent(gcPercent())
	Start(1<<40, 50, 300)
	if p := gcPercent(); p != 300 {
		t.Fatalf("GOGC after Start = %d, want the maximum 300", p)
	}
	// Pretend a collection set another value: the next one corrects it.
	mu.Lock()
	current = 77
	debug.SetGCPercent(77)
	mu.Unlock()
	deadline := time.Now().Add(10 * time.Second)
	for gcPercent() != 300 {
		if time.Now().After(deadline) {
			t.Fatalf("GOGC stayed %d after collections, want 300", gcPercent())
		}
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	// A later Start changes nothing.
	Start(1, 10, 20)
	runtime.GC()
	runtime.GC()
	time.Sleep(10 * time.Millisecond)
	if p := gcPercent(); p != 300 {
		t.Errorf("GOGC = %d after a second Start, want 300 still", p)
	}
}

// TestWarm: Warm raises the minimum goal, and GOGC follows at once.
func TestWarm(t *testing.T) {
	defer debug.SetGCPercent(gcPercent())
	mu.Lock()
	saved := [...]any{started, startGoal, minGoal, basePct, maxPct, current}
	mu.Unlock()
	defer func() {
		mu.Lock()
		started, startGoal, minGoal = saved[0].(bool), saved[1].(uint64), saved[2].(uint64)
		basePct, maxPct, current = saved[3].(int), saved[4].(int), saved[5].(int)
		mu.Unlock()
	}()
	const mb = 1 << 20
	live := make([]byte, 64*mb)
	runtime.GC()
	mu.Lock()
	started, startGoal, minGoal, basePct, maxPct = true, 64*mb, 64*mb, 50, 400
	setLocked()
	mu.Unlock()
	if p := gcPercent(); p != 50 {
		t.Fatalf("GOGC = %d with a live heap above the goal, want the base 50", p)
	}
	Warm()
	Warm() // once only
	mu.Lock()
	goal := minGoal
	mu.Unlock()
	if goal != 64*mb*WarmPercent/100 {
		t.Errorf("goal after Warm = %d MB, want %d MB", goal/mb, 64*WarmPercent/100)
	}
	// About 65 MB live and a 128 MB goal: GOGC near 100.
	if p := gcPercent(); p < 80 || p > 110 {
		t.Errorf("GOGC after Warm = %d, want about 100", p)
	}
	mu.Lock()
	got := maxPct
	mu.Unlock()
	if got != WarmMax {
		t.Errorf("maximum after Warm = %d, want %d", got, WarmMax)
	}
	runtime.KeepAlive(live)
}

// TestSettle: once settled, a large live heap gets SettledPercent at once
// and after the next collections; without Start, Settle does nothing.
func TestSettle(t *testing.T) {
	defer debug.SetGCPercent(gcPercent())
	mu.Lock()
	saved := [...]any{started, startGoal, minGoal, basePct, maxPct, current, settled}
	mu.Unlock()
	defer func() {
		mu.Lock()
		started, startGoal, minGoal = saved[0].(bool), saved[1].(uint64), saved[2].(uint64)
		basePct, maxPct, current, settled = saved[3].(int), saved[4].(int), saved[5].(int), saved[6].(bool)
		mu.Unlock()
	}()
	const mb = 1 << 20
	mu.Lock()
	started, settled = false, false
	mu.Unlock()
	Settle()
	mu.Lock()
	if settled {
		t.Error("Settle without Start settled")
	}
	mu.Unlock()

	live := make([]byte, 300*mb)
	runtime.GC()
	mu.Lock()
	started, startGoal, minGoal, basePct, maxPct = true, 64*mb, 64*mb, 50, 400
	setLocked()
	mu.Unlock()
	before := gcPercent()
	if want := Percent(300*mb, 64*mb, 50, 400); before < want-1 || before > want+1 {
		t.Fatalf("GOGC = %d before Settle, want about %d", before, want)
	}
	Settle()
	Settle() // once only
	after := gcPercent()
	if want := SettledPercent(300*mb, 64*mb, 50, 400); after < want-1 || after > want+1 || after >= before {
		t.Fatalf("GOGC = %d after Settle (was %d), want about %d", after, before, want)
	}
	runtime.GC()
	runtime.GC()
	time.Sleep(10 * time.Millisecond)
	if p := gcPercent(); p != after {
		t.Errorf("GOGC = %d after collections of the settled heap, want %d still", p, after)
	}
	// A warm run keeps the headroom of a growing heap (and its goal).
	Warm()
	mu.Lock()
	want := Percent(300*mb, minGoal, basePct, maxPct)
	mu.Unlock()
	if p := gcPercent(); p < want-1 || p > want+1 || p <= after {
		t.Errorf("GOGC = %d once settled and warm, want about %d (the warm heap's, above the settled %d)", p, want, after)
	}
	runtime.KeepAlive(live)
}
