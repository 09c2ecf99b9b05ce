import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Req, UseGuards } from '@nestjs/common';
import { BearerGuard } from './auth.guard';
import { notFound } from './notifications.controller';
import { Store } from './store';

/**
 * Routes the seed does not document. OPTIONAL_ROUTES=off leaves this controller out. Registered
 * before NotificationsController so that DELETE clear-read is not taken for DELETE :id.
 */
@Controller('notifications')
@UseGuards(BearerGuard)
export class OptionalNotificationsController {
  constructor(private readonly store: Store) {}

  @Get('unread-count')
  unreadCount(@Req() req: any) {
    return { success: true, data: { count: this.store.of(req.userId).filter((n) => !n.read).length } };
  }

  @Post('read-all')
  @HttpCode(200)
  readAll(@Req() req: any) {
    const now = new Date().toISOString();
    const unread = this.store.of(req.userId).filter((n) => !n.read);
    unread.forEach((n) => Object.assign(n, { read: true, readAt: now }));
    return { success: true, data: { updated: unread.length } };
  }

  @Delete('clear-read')
  clearRead(@Req() req: any) {
    const read = this.store.of(req.userId).filter((n) => n.read);
    read.forEach((n) => this.store.remove(n.id));
    return { success: true, data: { deleted: read.length } };
  }

  @Patch(':id/read')
  markRead(@Req() req: any, @Param('id', ParseUUIDPipe) id: string) {
    const found = this.store.findOwned(id, req.userId);
    if (!found) {
      throw notFound();
    }
    if (!found.read) Object.assign(found, { read: true, readAt: new Date().toISOString() });
    return { success: true };
  }
}
