import {
  BadRequestException, Controller, DefaultValuePipe, Delete, Get, Param, ParseBoolPipe, ParseIntPipe,
  ParseUUIDPipe, Query, Req, UseGuards,
} from '@nestjs/common';
import { BearerGuard } from './auth.guard';
import { ApiError } from './errors';
import { Store } from './store';

export function notFound(): ApiError {
  return new ApiError(404, 'NOT_FOUND', 'error.notification.not_found', 'Notification not found');
}

/** The routes the seed documents: list and delete. */
@Controller('notifications')
@UseGuards(BearerGuard)
export class NotificationsController {
  constructor(private readonly store: Store) {}

  @Get()
  list(
    @Req() req: any,
    @Query('read', new ParseBoolPipe({ optional: true })) read: boolean | undefined,
    @Query('page', new DefaultValuePipe(1), ParseIntPipe) page: number,
    @Query('limit', new DefaultValuePipe(20), ParseIntPipe) limit: number,
  ) {
    if (page < 1) throw new BadRequestException(['page must not be less than 1']);
    if (limit < 1) throw new BadRequestException(['limit must not be less than 1']);
    if (limit > 50) throw new BadRequestException(['limit must not be greater than 50']);
    const all = this.store.of(req.userId).filter((n) => read === undefined || n.read === read);
    const items = all.slice((page - 1) * limit, page * limit).map(({ userId, ...item }) => item);
    return { success: true, data: { items, page, limit, total: all.length } };
  }

  @Delete(':id')
  remove(@Req() req: any, @Param('id', ParseUUIDPipe) id: string) {
    const found = this.store.findOwned(id, req.userId);
    if (!found) {
      throw notFound();
    }
    this.store.remove(found.id);
    return { success: true };
  }
}
