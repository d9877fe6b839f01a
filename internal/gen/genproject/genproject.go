// Package genproject writes synthetic but realistic NestJS projects, for benchmarks and scale tests of
// nestlint.
//
// A project of N feature modules has, per module, a controller, a service, create and update DTOs, a
// TypeORM entity, a Nest module and a jest spec, plus src/app.module.ts importing every module,
// src/main.ts, shared helpers under src/common/, tsconfig.json, nest-cli.json and package.json.
// Service i injects service i-1, which module i-1 exports. Field counts, extra methods (loops,
// switches, try/catch, awaits) and endpoints vary per module.
//
// Output is a pure function of (modules, seed): two runs give byte-identical files. Module i draws from
// its own random stream, so it is the same whatever N is, as long as i < N.
//
// The code is free of nestlint findings except one planted event-loop/sync-io finding in one module
// out of 20 (see PlantedSyncIO): a service method calling fs.readFileSync, reached from a @Get handler.
package genproject

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

type genFile struct{ path, content string }

// Stats says what Generate wrote.
type Stats struct {
	Files int   // files written
	Lines int   // newline-terminated lines, summed over all files
	Bytes int64 // bytes written
}

// Generate writes a NestJS project with the given number of feature modules into dir, creating dir
// if needed and overwriting files that are already there.
func Generate(dir string, modules int, seed int64) (Stats, error) {
	if modules < 1 {
		return Stats{}, fmt.Errorf("modules must be at least 1, got %d", modules)
	}
	var st Stats
	write := func(rel, content string) error {
		path := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return fmt.Errorf("create directory for %s: %w", rel, err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			return fmt.Errorf("write %s: %w", rel, err)
		}
		st.Files++
		st.Lines += strings.Count(content, "\n")
		st.Bytes += int64(len(content))
		return nil
	}

	static := []genFile{
		{"package.json", packageJSON},
		{"tsconfig.json", tsconfigJSON},
		{"nest-cli.json", nestCLIJSON},
		{"src/main.ts", mainTS},
		{"src/common/pagination.ts", paginationTS},
		{"src/common/errors.ts", errorsTS},
		{"src/common/csv.ts", csvTS},
		{"src/common/retry.ts", retryTS},
		{"src/common/logging.interceptor.ts", loggingInterceptorTS},
	}
	for _, f := range static {
		if err := write(f.path, f.content); err != nil {
			return st, err
		}
	}

	mods := make([]*module, modules)
	var prev *module
	for i := range mods {
		m := newModule(i, seed, prev)
		mods[i] = m
		base := "src/" + m.kebab + "/"
		files := []genFile{
			{base + "entities/" + m.kebab + ".entity.ts", m.entityFile()},
			{base + "dto/create-" + m.kebab + ".dto.ts", m.createDTOFile()},
			{base + "dto/update-" + m.kebab + ".dto.ts", m.updateDTOFile()},
			{base + m.kebab + ".service.ts", m.serviceFile()},
			{base + m.kebab + ".controller.ts", m.controllerFile()},
			{base + m.kebab + ".module.ts", m.moduleFile()},
			{base + m.kebab + ".service.spec.ts", m.specFile()},
		}
		for _, f := range files {
			if err := write(f.path, f.content); err != nil {
				return st, err
			}
		}
		prev = m
	}
	if err := write("src/app.module.ts", appModuleFile(mods)); err != nil {
		return st, err
	}
	return st, nil
}

// PlantedSyncIO returns the slash-separated paths, relative to the project root, of the service files
// that Generate(dir, modules, seed) gives a planted event-loop/sync-io finding, for any seed. Each
// has exactly one readFileSync call, reached from the controller's GET ':id/attachment' handler.
func PlantedSyncIO(modules int) []string {
	var out []string
	for i := plantAt; i < modules; i += plantEvery {
		n := moduleNames(i)
		out = append(out, "src/"+n.kebab+"/"+n.kebab+".service.ts")
	}
	return out
}
