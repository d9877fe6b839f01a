//go:build !unix

package trace

import (
	"errors"
	"os"
)

// SetShared is not available here: the supervisor uses the pipe (SetSink).
func SetShared(*os.File) error { return errors.New("trace: no shared mapping on this system") }
