//go:build unix

package trace

import (
	"os"
	"os/exec"
	"reflect"
	"strconv"
	"sync"
	"syscall"
	"testing"
)

// init lets the tests run this binary as a worker that traces and then
// dies (before the tests start: TestMain is testmain's).
func init() {
	if os.Getenv("TRACE_TEST_WORKER") == "1" {
		worker()
	}
}

// worker maps fd 3, starts a.ts, b.ts and c.ts, ends a.ts, and kills
// itself: what was in flight is b.ts and c.ts.
func worker() {
	if err := SetShared(os.NewFile(3, "trace")); err != nil {
		os.Exit(7)
	}
	a := Begin("/r/a.ts")
	Begin("/r/b.ts")
	Begin("/r/c\nname.ts")
	a.End()
	syscall.Kill(os.Getpid(), syscall.SIGKILL)
}

func sharedFile(t *testing.T) *os.File {
	t.Helper()
	f, err := os.CreateTemp(t.TempDir(), "trace")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestSharedAcrossProcesses: a worker killed by SIGKILL leaves in the
// shared file the paths it had begun and not ended, in the order it began
// them.
func TestSharedAcrossProcesses(t *testing.T) {
	f := sharedFile(t)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "TRACE_TEST_WORKER=1")
	cmd.ExtraFiles = []*os.File{f}
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != -1 {
		t.Fatalf("the worker ended with %v, want killed by a signal", err)
	}
	if got, want := ReadShared(f), []string{"/r/b.ts", "/r/c\nname.ts"}; !reflect.DeepEqual(got, want) {
		t.Errorf("in flight %q, want %q", got, want)
	}
}

// TestSharedConcurrent: many goroutines begin and end files at once; at
// the end only the ones left open are in flight, and more files in flight
// than slots are simply not traced.
func TestSharedConcurrent(t *testing.T) {
	f := sharedFile(t)
	if err := SetShared(f); err != nil {
		t.Fatal(err)
	}
	defer shared.Store(nil)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 500 {
				Begin("/r/" + strconv.Itoa(g) + "/" + strconv.Itoa(i) + ".ts").End()
			}
		}()
	}
	wg.Wait()
	open := Begin("/r/open.ts")
	if got := ReadShared(f); !reflect.DeepEqual(got, []string{"/r/open.ts"}) {
		t.Errorf("in flight %q, want only /r/open.ts", got)
	}
	var spans []Span
	for i := range Slots + 10 {
		spans = append(spans, Begin("/r/many/"+strconv.Itoa(i)+".ts"))
	}
	if got := len(ReadShared(f)); got != Slots {
		t.Errorf("%d in flight with every slot taken, want %d", got, Slots)
	}
	for _, s := range spans {
		s.End() // the untraced ones too
	}
	open.End()
	if got := ReadShared(f); len(got) != 0 {
		t.Errorf("in flight after every end: %q", got)
	}
}
