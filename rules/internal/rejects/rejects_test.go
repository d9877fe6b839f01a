package rejects_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/internal/nest"
	"github.com/nestlint/nestlint/rules/internal/rejects"
)

const src = `import { Injectable } from '@nestjs/common';
import { Repository } from 'typeorm';
import { readFile } from 'fs/promises';
import axios from 'axios';

@Injectable()
export class S {
  constructor(private readonly repo: Repository<object>) {}

  async quiet() { return 1; }
  async covered() { try { await this.repo.save({}); } catch { return 0; } }
  async saves() { await this.repo.save({}); }
  async viaOther() { await this.saves(); }
  async ping() { await this.pong(); }
  async pong() { await this.ping(); }
  check(ok: boolean) { if (!ok) { throw new Error('no'); } }
  async callsCheck() { this.check(false); }
  plain() { return readFile('/x'); }
  async handledThen() { await this.saves().then(() => 1, () => 0); }
  async floatsThen() { await this.saves().then(() => 1); }
  async rejected() { return Promise.reject(new Error('x')); }
  async http() { await axios.get('https://x'); }
}
`

func TestRejects(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "s.ts"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := parser.Discover([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	res := parser.Parse(context.Background(), d.Files, parser.Options{Jobs: 1})
	m := nest.Build(res.Files, nest.Options{Root: dir})
	a := rejects.New(m)
	byName := map[string]nest.FuncRef{}
	for i, fn := range m.Files[0].Facts.Funcs {
		byName[fn.Name] = nest.FuncRef{File: 0, Index: nest.FuncID(i)}
	}
	tests := []struct {
		fn     string
		reject string
		throws string
	}{
		{"quiet", "", ""},
		{"covered", "", ""},
		{"saves", "TypeORM Repository.save", ""},
		{"viaOther", "TypeORM Repository.save", ""},
		{"ping", "", ""},
		{"check", "", "throw in S.check"},
		{"callsCheck", "S.check can throw (throw in S.check)", ""},
		{"plain", "fs/promises.readFile", ""},
		{"handledThen", "", ""},
		{"floatsThen", "TypeORM Repository.save", ""},
		{"rejected", "Promise.reject", ""},
		{"http", "axios.get", ""},
	}
	for _, tc := range tests {
		t.Run(tc.fn, func(t *testing.T) {
			fr, ok := byName[tc.fn]
			if !ok {
				t.Fatalf("no function %s", tc.fn)
			}
			if got := a.Rejects(fr); got != tc.reject {
				t.Errorf("Rejects = %q, want %q", got, tc.reject)
			}
			if got := a.Throws(fr); got != tc.throws {
				t.Errorf("Throws = %q, want %q", got, tc.throws)
			}
		})
	}
}
