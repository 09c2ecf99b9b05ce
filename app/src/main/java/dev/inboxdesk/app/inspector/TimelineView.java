package dev.inboxdesk.app.inspector;

import dev.inboxdesk.client.Wait;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * Pacing at a glance: each request a tick coloured by its answer, the quota left after it as a
 * dot (top = the whole limit, bottom = spent), each window's reset a dashed line, {@code 429}s
 * tall and red, the clients' waits shaded. Redrawn when the log changes and every second.
 */
public final class TimelineView extends Region {
  private static final Duration SPAN = Duration.ofMinutes(3);
  private final Canvas canvas = new Canvas();
  private final Supplier<Timeline.Picture> picture;

  TimelineView(Supplier<Timeline.Picture> picture) {
    this.picture = picture;
    getStyleClass().add("timeline");
    getChildren().add(canvas);
    setMinHeight(64);
    setPrefHeight(84);
  }

  static Duration span() {
    return SPAN;
  }

  @Override
  protected void layoutChildren() {
    canvas.setWidth(getWidth());
    canvas.setHeight(getHeight());
    redraw();
  }

  void redraw() {
    double width = canvas.getWidth();
    double height = canvas.getHeight();
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.clearRect(0, 0, width, height);
    if (width <= 0 || height <= 0) {
      return;
    }
    Timeline.Picture shown = picture.get();
    double top = 8;
    double bottom = height - 16;
    g.setStroke(Color.gray(0.5, 0.5));
    g.strokeLine(0, bottom, width, bottom);
    for (Timeline.WaitSpan wait : shown.waits()) {
      g.setFill(wait.reason() == Wait.Reason.CONNECTION_RETRY ? Color.gray(0.5, 0.15) : Color.web("#d29922", 0.22));
      g.fillRect(wait.from() * width, top, Math.max(2, (wait.to() - wait.from()) * width), bottom - top);
    }
    g.setLineDashes(4, 4);
    g.setStroke(Color.web("#6e7781"));
    for (double reset : shown.windowResets()) {
      g.strokeLine(reset * width, top, reset * width, bottom);
    }
    g.setLineDashes(null);
    for (Timeline.Request request : shown.requests()) {
      double x = request.at() * width;
      g.setStroke(colour(request.outcome()));
      g.setLineWidth(request.outcome() == Timeline.Outcome.TOO_MANY_REQUESTS ? 3 : 1.5);
      double tickTop = request.outcome() == Timeline.Outcome.TOO_MANY_REQUESTS ? top : bottom - 10;
      g.strokeLine(x, tickTop, x, bottom);
      if (request.quotaLeft() != null) {
        double y = bottom - request.quotaLeft() * (bottom - top - 12) - 12;
        g.setFill(Color.web("#0969da"));
        g.fillOval(x - 2.5, y - 2.5, 5, 5);
      }
    }
    g.setLineWidth(1);
    g.setFill(Color.gray(0.45));
    g.fillText("−" + SPAN.toMinutes() + " min", 4, height - 3);
    g.fillText("now", width - 26, height - 3);
  }

  private static Color colour(Timeline.Outcome outcome) {
    return switch (outcome) {
      case SUCCESS -> Color.web("#1a7f37");
      case CLIENT_ERROR -> Color.web("#bc4c00");
      case TOO_MANY_REQUESTS -> Color.web("#cf222e");
      case SERVER_ERROR, NO_ANSWER -> Color.web("#82071e");
    };
  }

  /** The picture for the log's exchanges and waits, now. */
  static Supplier<Timeline.Picture> of(RequestLog log, Supplier<String> service, Supplier<Instant> now) {
    return () -> Timeline.of(List.copyOf(log.all()), List.copyOf(log.waits()), now.get(), SPAN, service.get());
  }
}
