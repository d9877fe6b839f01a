// Package gctune sets the garbage collector's target from the live heap:
// a low GOGC once the heap is large, a higher one while it is small.
//
// A fixed GOGC is wrong at one end or the other. nestlint keeps nearly all
// of a run's data alive to the end (the facts of every file), so a cold run
// on a large project wants a low GOGC: at Go's default, 100, the peak RSS
// is about twice what the run needs. A warm run, or a small project, has a
// heap of a few tens of megabytes that grows from nothing while the cached
// facts are decoded; a low GOGC makes it collect every few megabytes, and
// the collections cost more CPU than the decoding. Tune gives the heap a
// minimum target instead: after each collection GOGC becomes the larger of
// the base percentage and what lets the heap grow to the minimum goal,
// within a maximum.
package gctune

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// Percent is the GOGC that lets a heap of live bytes grow to the larger of
// goal bytes and live plus its headroom, within hi percent. The headroom
// is base percent of live up to LargeHeadroom bytes, then LowPercent of
// live once that is more: a large heap (the facts of tens of thousands of
// files) grows by tens of megabytes between collections, not by half
// again. The goal is not capped that way: below it the heap grows freely.
func Percent(live, goal uint64, base, hi int) int {
	return percent(live, goal, base, hi, LargeHeadroom, LowPercent)
}

// SettledPercent is Percent once the heap has settled (Settle): the
// headroom of a large heap is SettledHeadroom bytes or SettledLow percent.
func SettledPercent(live, goal uint64, base, hi int) int {
	return percent(live, goal, base, hi, SettledHeadroom, SettledLow)
}

func percent(live, goal uint64, base, hi int, headroom uint64, low int) int {
	if live == 0 {
		return hi
	}
	p := float64(base)
	if cap := float64(headroom) * 100 / float64(live); p > cap {
		p = float64(low)
		if cap > p {
			p = cap
		}
	}
	if goal > live {
		if q := float64(goal-live) * 100 / float64(live); q > p {
			p = q
		}
	}
	return int(min(max(p, 1), float64(hi)))
}

// LargeHeadroom and LowPercent bound the heap's growth between
// collections once it is large (Percent). On generated N=4000 (28k files)
// the live heap reaches 360 MB and, at GOGC 50, the run's last 150 MB
// of garbage were made without a collection: 575 MB of peak RSS. The
// price is a few more collections of a large heap, each about 0.3 s of
// CPU there.
const (
	LargeHeadroom = 64 << 20
	LowPercent    = 15
)

// SettledHeadroom and SettledLow replace LargeHeadroom and LowPercent
// once the heap has settled (Settle). After the parse a cold run's heap
// holds the facts of every file and grows only by the model and the
// rules' results, while the model build makes garbage fast: its peak is
// the run's. On generated N=4000 (28k files), in turn with the same
// builds: 64 MiB gave a peak RSS of about 440 MB, 24 MiB 361-367 MB, 16
// MiB 350-355 MB and 12 MiB 345-348 MB (the 350 MiB target with some
// margin), for 0.6-1.2 s more collection CPU than 16 MiB (29-31
// collections of a 270 MB heap instead of 25-26); on the 14,000-file
// workspace 12 MiB gave 211-215 MB instead of 218-222 at 16 and 223-224
// at 24, for 0.1-0.4 s.
const (
	SettledHeadroom = 12 << 20
	SettledLow      = 3
)

var (
	mu      sync.Mutex
	current int
	started bool
	settled bool // Settle was called
	// The settings in force (Start, Warm).
	startGoal, minGoal uint64
	basePct, maxPct    int
)

// Start sets GOGC to Percent of the live heap after every collection, from
// now on, in this process. It is meant for a process's start; later calls
// do nothing.
func Start(goal uint64, base, max int) {
	mu.Lock()
	defer mu.Unlock()
	if started {
		return
	}
	started = true
	startGoal, minGoal, basePct, maxPct = goal, goal, base, max
	current = Percent(0, goal, base, max)
	debug.SetGCPercent(current)
	arm()
}

// runtimeHeapMinimum is the Go runtime's heap goal before its first
// collection at GOGC 100; at GOGC p it is p/100 times that.
const runtimeHeapMinimum = 4 << 20

// FirstPercent is the GOGC that puts the first collection of a process
// at goal bytes (no less than base): before it there is no live heap to
// take a percentage of, and the runtime's first goal is
// runtimeHeapMinimum scaled by GOGC. Warm uses it when no collection ran
// yet: at the maximum of Percent a warm run collected first at 16 to 80
// MB, while it decoded a pack into a heap that only grows. (A cold run
// keeps the early collections: its parse makes garbage from the start.)
func FirstPercent(goal uint64, base int) int {
	return max(base, int(min(goal/runtimeHeapMinimum*100, 1_000_000)))
}

// WarmPercent is how much Warm raises the minimum heap goal, and WarmMax
// the maximum GOGC it allows: below the goal, a warm heap grows to it
// from any size (a collection at five times a small live heap finds
// little more than one at the goal).
const (
	WarmPercent = 200
	WarmMax     = 2000
)

// Warm tells the tuner that this run's data comes mostly from a cache: the
// heap fills with data that stays alive to the end and little garbage, so
// the collections before the heap reaches its final size find nearly
// nothing and cost CPU for no memory. Warm raises the minimum heap goal to
// WarmPercent percent of the goal given to Start, and the maximum to WarmMax,
// from now on (once, however many times it is called). The price is
// memory: warm after 10 edits on generated N=1000, 211 MB peak RSS instead
// of 185 (the cold run peaks at 178-194 MB), for 0.1-0.2 s less CPU and
// wall. Without Start it does nothing.
func Warm() {
	mu.Lock()
	defer mu.Unlock()
	if !started || minGoal == startGoal*WarmPercent/100 {
		return
	}
	minGoal = startGoal * WarmPercent / 100
	maxPct = max(maxPct, WarmMax)
	setLocked()
}

// Settle tells the tuner that the heap holds most of what it will hold
// (a cold run's facts are all parsed) and that what is left to do makes
// garbage on top of it: from now on a large heap's headroom is
// SettledHeadroom, not LargeHeadroom (once, however many times it is
// called). Without Start it does nothing, and a warm run (Warm) keeps its
// headroom: it is after latency, and settled (at 24 MiB), the 300 MB heap
// of a warm run on generated N=4000 was collected 15-16 times instead of
// 9-10, for 0.5-0.9 s more wall time.
func Settle() {
	mu.Lock()
	defer mu.Unlock()
	if !started || settled {
		return
	}
	settled = true
	setLocked()
}

// sentinel is an object whose finalizer runs after each collection that
// found it unreachable: it adjusts GOGC and arms a new one.
type sentinel struct{ _ [16]byte }

func arm() {
	s := new(sentinel)
	runtime.SetFinalizer(s, func(*sentinel) {
		adjust()
		arm()
	})
}

var sample = []metrics.Sample{{Name: "/gc/heap/live:bytes"}}

func adjust() {
	mu.Lock()
	defer mu.Unlock()
	setLocked()
}

// setLocked sets GOGC from the live heap of the last collection.
func setLocked() {
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	live := sample[0].Value.Uint64()
	p := Percent(live, minGoal, basePct, maxPct)
	if settled && minGoal == startGoal { // not warm: see Settle
		p = SettledPercent(live, minGoal, basePct, maxPct)
	}
	if live == 0 && minGoal > startGoal { // warm, and no collection yet
		p = FirstPercent(minGoal, basePct)
	}
	if p != current {
		current = p
		debug.SetGCPercent(p)
	}
}
