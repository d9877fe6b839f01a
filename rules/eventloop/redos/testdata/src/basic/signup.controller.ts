import { BadRequestException, Body, Controller, Post } from '@nestjs/common';
import { NotesService } from './notes.service';

// An RFC 5322-style address check. The local part emulates a possessive
// loop: the negative lookahead forces each run of atext characters to be
// taken whole, so the two ways to split 'aaaa' that the automaton sees are
// never tried by a real matcher (linear on any input).
const ADDRESS =
  /^(?:[\w!#$%&'*+/=?^{|}~-]+(?![\w!#$%&'*+/=?^{|}~-])\.?)+@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i;

// Same shape without the lookahead: 'a'.repeat(30) + '"' takes 2^30 steps.
const LOCAL_PART = /^(?:[\w!#$%&'*+/=?^{|}~-]+\.?)+@[\w.-]+$/; // want "error: regex `/\\^\\(\\?:\\[\\\\w!#\\$%&'\\*\\+/=\\?\\^\\{\\|\\}~…` backtracks exponentially on `'!' \\+ 'a'\\.repeat\\(30\\) \\+ '\"'` in `\\.test` on the request path"'.*measured: x1.9.*reached from SignupController.register"

interface SignupBody {
  email: string;
  about: string;
}

@Controller('signup')
export class SignupController {
  constructor(private readonly notes: NotesService) {}

  @Post()
  register(@Body() body: SignupBody) {
    if (!ADDRESS.test(body.email) || !LOCAL_PART.test(body.email)) {
      throw new BadRequestException('invalid e-mail');
    }
    return this.notes.items(body.about);
  }
}
