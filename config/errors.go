package config

import (
	"errors"
	"strings"
)

// Errors are every error of one or more configuration files, in the order
// found: a run reports them all at once instead of one per run.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap lets errors.As find the first *Error.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// err returns nil, the only error, or the list.
func (es Errors) err() error {
	switch len(es) {
	case 0:
		return nil
	case 1:
		return es[0]
	}
	return es
}

// add appends err, flattening Errors; a nil err is ignored.
func (es *Errors) add(err error) {
	if err == nil {
		return
	}
	var list Errors
	if errors.As(err, &list) {
		*es = append(*es, list...)
		return
	}
	var e *Error
	if errors.As(err, &e) {
		*es = append(*es, e)
		return
	}
	*es = append(*es, &Error{Msg: err.Error()})
}

// ErrorLines returns the lines of err: one per configuration error.
func ErrorLines(err error) []string {
	var list Errors
	if errors.As(err, &list) {
		out := make([]string, len(list))
		for i, e := range list {
			out[i] = e.Error()
		}
		return out
	}
	return []string{err.Error()}
}
