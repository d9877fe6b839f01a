package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/nestlint/nestlint/internal/gctune"
	"github.com/nestlint/nestlint/internal/trace"
	"github.com/nestlint/nestlint/report"
)

// nestlint runs its analysis in a worker: a child process running the same
// binary. Go reports a fatal runtime error (out of memory, a stack
// overflow, a crash in C code) with exit status 2, which nestlint uses
// for "your input or flags are wrong"; the C parser aborts on a failed
// allocation. The parent maps every such death of the worker to exit 3,
// an internal error, and the worker reports its own usage errors with
// workerUsage, which the parent turns back into 2 (docs/security.md).

const (
	// workerEnv is set in the worker's environment.
	workerEnv = "NESTLINT_WORKER"
	// noWorkerEnv=1 runs everything in one process (for debugging).
	noWorkerEnv = "NESTLINT_NO_WORKER"
	// workerUsage is the worker's exit status for exitUsage.
	workerUsage = 64
	// traceFDEnv names the worker's file descriptor for internal/trace.
	traceFDEnv = "NESTLINT_TRACE_FD"
	// traceModeEnv is "shared" when fd 3 is a file the worker maps
	// (trace.SetShared) rather than a pipe of records.
	traceModeEnv = "NESTLINT_TRACE_MODE"
)

// maxMemoryEnv caps the worker's address space, in MiB (unix): past it
// the analysis dies and the run exits 3 naming the files in flight,
// instead of the machine swapping or the OOM killer choosing a victim.
const maxMemoryEnv = "NESTLINT_MAX_MEMORY_MB"

// workerGCPercent is the worker's GOGC when the environment sets none.
// Go's default, 100, lets the heap grow to twice the live data before a
// collection; nearly all of a run's live data (the facts of every file)
// stays alive until the rules ran, so at 100 the peak RSS is about twice
// what the run needs. 50 cut the peak RSS of a cold run on generated
// N=1000 from 338 to 259 MB for no measurable CPU (docs/performance.md);
// 25 saved 20 MB more for 15% more CPU.
const workerGCPercent = 50

// That GOGC applies once the live heap is large. Below, the heap may grow
// to workerHeapGoal before a collection (at most workerGCMax percent):
// a warm run decodes the cached facts into a heap that grows from nothing,
// and at 50 it collected every few megabytes (internal/gctune). On a
// generated workspace of 2,900 files, warm after 10 edits: 0.39-0.52 s
// instead of 0.42-0.60 s, 0.1 s less CPU, 14 MB more RSS; a cold run on
// N=1000 peaks 10-20 MB higher, N=4000 the same. A run that finds nine in
// ten of its files hashed by the last one doubles the goal and lets the
// heap reach it before the first collection (gctune.Warm, called from
// internal/pipeline as the pack starts to decode).
const (
	workerHeapGoal = 128 << 20
	workerGCMax    = 400
)

// tuneGC sets the worker's GC target (internal/gctune), unless GOGC is
// set.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		gctune.Start(workerHeapGoal, workerGCPercent, workerGCMax)
	}
}

// limitMemory applies maxMemoryEnv and the GC target (tuneGC) in a
// worker.
func limitMemory() {
	tuneGC()
	v := os.Getenv(maxMemoryEnv)
	if v == "" {
		return
	}
	mb, err := strconv.Atoi(v)
	if err != nil || mb <= 0 {
		fmt.Fprintf(os.Stderr, "nestlint: %s=%q is not a positive number of MiB: ignored\n", maxMemoryEnv, v)
		return
	}
	setAddressSpaceLimit(uint64(mb) << 20)
}

// startTrace, in a worker, sends internal/trace records to the parent.
func startTrace() {
	if os.Getenv(traceFDEnv) != "3" {
		return
	}
	closeOnExec(3) // git, run by --changed-since, must not hold it
	f := os.NewFile(3, "trace")
	if os.Getenv(traceModeEnv) == "shared" && trace.SetShared(f) == nil {
		return
	}
	trace.SetSink(f)
}

// inWorker reports whether this process is a worker.
func inWorker() bool { return os.Getenv(workerEnv) == "1" }

// workerExit is the exit status of a worker for a run's exit code.
func workerExit(code int) int {
	if code == exitUsage {
		return workerUsage
	}
	return code
}

// superviseExit maps the way a worker ended to nestlint's exit code, and
// says why when the worker crashed, naming the files it was analysing.
func superviseExit(err error, stderr io.Writer, inFlight []string) int {
	if err == nil {
		return exitOK
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		fmt.Fprintf(stderr, "nestlint: internal error: the analysis process: %v\n", err)
		return exitInternal
	}
	code := ee.ExitCode()
	switch code {
	case exitOK, exitFindings, exitInternal, exitInterrupted:
		return code
	case workerUsage:
		return exitUsage
	case -1: // killed by a signal
		name, n, stopped := deathSignal(ee)
		if stopped {
			// Terminated on purpose (a CI timeout, kill): as a shell
			// reports it, 128 + the signal.
			fmt.Fprintf(stderr, "nestlint: %s\n", name)
			return 128 + n
		}
		hint := ""
		if name == "killed" {
			hint = " (out of memory?)"
		}
		fmt.Fprintf(stderr, "nestlint: internal error: the analysis process was killed: %s%s%s\n", name, hint, while(inFlight))
		return exitInternal
	}
	fmt.Fprintf(stderr, "nestlint: internal error: the analysis process crashed (exit status %d: a fatal Go runtime error such as out of memory or a stack overflow; see above)%s\n", code, while(inFlight))
	return exitInternal
}

// while names the files being analysed when the worker died.
func while(files []string) string {
	if len(files) == 0 {
		return ""
	}
	const most = 5
	shown := files[:min(len(files), most)]
	for i, f := range shown {
		shown[i] = report.EscapeControls(f)
	}
	s := "; while analysing " + strings.Join(shown, ", ")
	if len(files) > most {
		s += fmt.Sprintf(" and %d more", len(files)-most)
	}
	return s
}

// runSupervised runs the command line in a worker and returns the exit
// code; ok is false when no worker could be started (the caller then runs
// in-process).
func runSupervised(args []string) (code int, ok bool) {
	if os.Getenv(noWorkerEnv) == "1" {
		return 0, false
	}
	exe, err := os.Executable()
	if err != nil {
		return 0, false
	}
	cmd := exec.Command(exe, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.Env = append(os.Environ(), workerEnv+"=1")
	// The worker reports the files it analyses on fd 3 (internal/trace).
	var tracked trace.Tracker
	var trackMu sync.Mutex
	traced := make(chan struct{})
	// A shared file the worker maps: tracing is then memory writes. The
	// file is removed at once; both processes keep their descriptor.
	shm, err := os.CreateTemp("", "nestlint-trace-*")
	if err == nil {
		os.Remove(shm.Name())
		if shm.Truncate(trace.SharedSize) != nil {
			shm.Close()
			shm = nil
		}
	}
	if shm != nil {
		defer shm.Close()
		cmd.ExtraFiles = []*os.File{shm}
		cmd.Env = append(cmd.Env, traceFDEnv+"=3", traceModeEnv+"=shared")
		close(traced)
	} else if r, w, err := os.Pipe(); err == nil {
		cmd.ExtraFiles = []*os.File{w}
		cmd.Env = append(cmd.Env, traceFDEnv+"=3")
		defer w.Close()
		go func() {
			defer close(traced)
			defer r.Close()
			sc := bufio.NewScanner(r)
			sc.Buffer(make([]byte, 4096), 8192)
			for sc.Scan() {
				trackMu.Lock()
				tracked.Add(sc.Text())
				trackMu.Unlock()
			}
		}()
	} else {
		close(traced)
	}
	// Ctrl-C reaches the whole process group: the worker handles it. A
	// signal sent to the parent alone is forwarded when the worker has not
	// ended a moment later; a second one kills the worker at once.
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, append(interruptSignals, syscall.SIGTERM)...)
	defer signal.Stop(sigs)
	if err := cmd.Start(); err != nil {
		return 0, false
	}
	if len(cmd.ExtraFiles) > 0 && shm == nil {
		cmd.ExtraFiles[0].Close() // the worker holds the write end
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	n := 0
	for {
		select {
		case err := <-done:
			select {
			case <-traced:
			case <-time.After(2 * time.Second): // a grandchild holds the pipe
			}
			trackMu.Lock()
			inFlight := tracked.InFlight()
			trackMu.Unlock()
			if shm != nil {
				inFlight = trace.ReadShared(shm)
			}
			return superviseExit(err, os.Stderr, inFlight), true
		case s := <-sigs:
			if s == syscall.SIGTERM {
				cmd.Process.Signal(s) // the worker dies of it: exit 143
				continue
			}
			n++
			if n == 1 {
				time.AfterFunc(500*time.Millisecond, func() { cmd.Process.Signal(s) })
				continue
			}
			cmd.Process.Kill()
			<-done
			fmt.Fprintln(os.Stderr, "nestlint: interrupted again: exiting")
			return exitInterrupted, true
		}
	}
}
