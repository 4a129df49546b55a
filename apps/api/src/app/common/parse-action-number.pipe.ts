import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';

/** Parses the `:number` of an Action route, with a 400 that names the parameter. */
@Injectable()
export class ParseActionNumberPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^\d{1,5}$/.test(value) || Number(value) < 1 || Number(value) > 32767) {
      throw new BadRequestException(`number must be a whole Action number, e.g. /api/actions/1, got "${value}"`);
    }
    return Number(value);
  }
}
