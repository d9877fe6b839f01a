import { Injectable } from '@nestjs/common';

@Injectable()
export class NotesService {
  // Lazy Markdown list items: each item ends at a line end (the lookahead),
  // and the next item cannot start there, so the loop runs once per match.
  private readonly listItem = /(?:^|\n)(?:[ \t]*[-*+][ \t]+(.*?)(?=\n|$))+/g;

  items(markdown: string): string[] {
    return [...markdown.matchAll(this.listItem)].map((m) => m[1]);
  }
}
