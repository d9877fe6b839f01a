package main

import "github.com/nestlint/nestlint/internal/pipeline"

// The command's names for what internal/pipeline does; cmd/nestlint only
// parses flags and calls the pipeline.
var (
	usageError       = pipeline.UsageError
	sortedRules      = pipeline.SortedRules
	suggest          = pipeline.Suggest
	interruptSignals = pipeline.InterruptSignals
	handleSignals    = pipeline.HandleSignals
)
