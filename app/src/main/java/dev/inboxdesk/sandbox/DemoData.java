package dev.inboxdesk.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Deterministic demo content: the same seed gives the same ids, texts and order every time.
 * Times count back from the sandbox's start, so the newest items look recent.
 */
final class DemoData {
  static final List<DemoAccount> ACCOUNTS = List.of(
      new DemoAccount("messages", "ada", "ada@example.com", "ada-demo", null),
      new DemoAccount("messages", "bob", "bob@example.com", "bob-demo", null),
      new DemoAccount("notifications", "ada", "ada@example.com", "ada-demo", null),
      new DemoAccount("notifications", "bob", "bob@example.com", "bob-demo", "123456"));

  private static final String[] OPENERS = {
      "Honestly,", "Not sure if you'll read this, but", "Long-time lurker here:", "Quick one:", "Random thought:",
      "No pressure, but", "From someone in your class:", "I never said this out loud, but", "Just wanted to say",
      "Be honest:", "Okay so", "Serious question:", "Small confession:", "", "", ""};
  private static final String[] BODIES = {
      "your talk on distributed systems was the best one of the whole conference.",
      "what is one book that changed the way you think?",
      "you explain things so clearly that I finally understood recursion.",
      "how do you stay motivated when a project drags on for months?",
      "the playlist you shared last week got me through exam season.",
      "do you ever regret switching careers?",
      "your photos from the trip were stunning, especially the one at sunrise.",
      "what advice would you give to someone starting their first job?",
      "I think you were too harsh in the last code review, but you were right.",
      "which keyboard do you use? It sounds amazing on stream.",
      "you should start a newsletter, I would read every issue.",
      "thanks for helping me move, I still owe you a pizza.",
      "is the rumour about the new office true?",
      "what is your go-to recipe when you're too tired to cook?",
      "the way you handled that difficult customer was really impressive.",
      "can you recommend a good beginner course for machine learning?",
      "I miss our Friday board game nights.",
      "your laugh is contagious, never change.",
      "how did you prepare for the marathon?",
      "what is something you changed your mind about recently?"};
  private static final String[] CLOSERS = {
      "", "", "", " Keep it up!", " Thanks.", " :)", " Have a great week.", " Asking for a friend.",
      " No need to reply.", " Cheers!"};

  private static final String[][] EVENTS = {
      {"new_message_creator", "New anonymous message", "Someone sent you a new message: \"%s\""},
      {"message_reply", "New reply", "%s replied to your post."},
      {"follower_new", "New follower", "%s started following you."},
      {"payout_sent", "Payout sent", "Your payout of %s is on its way."},
      {"security_login", "New sign-in", "A new sign-in to your account from %s."},
      {"weekly_digest", "Your weekly digest", "You had %s profile visits this week."},
      {"mention", "You were mentioned", "%s mentioned you in a comment."},
      {"subscription_renewed", "Subscription renewed", "Your plan renews on %s."}};
  private static final String[] NAMES = {"mira", "jonas", "li.wei", "sam_k", "noor", "theo", "ines", "kofi", "ravi",
      "hannah", "lucas", "aiko"};
  private static final String[] PLACES = {"Firefox on Linux", "Safari on iPhone", "Chrome on Windows",
      "the InboxDesk app", "Edge on Windows", "Chrome on Android"};

  private DemoData() {
  }

  /** A stored anonymous message. */
  record StoredMessage(String id, String content, Instant createdAt) {
  }

  /** A stored notification. */
  record StoredNotification(String id, String eventKey, String title, String body, Map<String, Object> data,
      boolean read, Instant readAt, Instant createdAt) {

    StoredNotification markedRead(Instant when) {
      return read ? this : new StoredNotification(id, eventKey, title, body, data, true, when, createdAt);
    }
  }

  /** {@code count} messages in storage order (oldest first), as MongoDB keeps the array. */
  static List<StoredMessage> messages(long seed, int count, Instant now) {
    Random random = new Random(seed);
    List<StoredMessage> newestFirst = new ArrayList<>(count);
    Instant at = now.minus(Duration.ofMinutes(3));
    for (int i = 0; i < count; i++) {
      String opener = OPENERS[random.nextInt(OPENERS.length)];
      String body = BODIES[random.nextInt(BODIES.length)];
      String text = (opener.isEmpty() ? capitalise(body) : opener + " " + body) + CLOSERS[random.nextInt(CLOSERS.length)];
      newestFirst.add(new StoredMessage(objectId(at, random), text, at));
      at = at.minus(Duration.ofMinutes(7 + random.nextInt(600)));
    }
    List<StoredMessage> stored = new ArrayList<>(newestFirst.size());
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      stored.add(newestFirst.get(i));
    }
    return stored;
  }

  /** {@code count} notifications, newest first. */
  static List<StoredNotification> notifications(long seed, int count, Instant now) {
    Random random = new Random(seed ^ 0x5DEECE66DL);
    List<StoredNotification> list = new ArrayList<>(count);
    Instant at = now.minus(Duration.ofMinutes(1));
    for (int i = 0; i < count; i++) {
      String[] event = EVENTS[random.nextInt(EVENTS.length)];
      String detail = switch (event[0]) {
        case "new_message_creator" -> truncate(BODIES[random.nextInt(BODIES.length)], 48);
        case "payout_sent" -> "$" + (20 + random.nextInt(480)) + "." + String.format("%02d", random.nextInt(100));
        case "security_login" -> PLACES[random.nextInt(PLACES.length)];
        case "weekly_digest" -> Integer.toString(3 + random.nextInt(400));
        case "subscription_renewed" -> SandboxJson.iso(at.plus(Duration.ofDays(30))).substring(0, 10);
        default -> "@" + NAMES[random.nextInt(NAMES.length)];
      };
      boolean read = i > 8 && random.nextInt(100) < 45;
      UUID id = new UUID(random.nextLong() & 0xFFFFFFFFFFFF0FFFL | 0x0000000000004000L,
          random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L);
      Map<String, Object> data = event[0].equals("new_message_creator")
          ? Map.of("messageId", objectId(at, random)) : Map.of("source", "sandbox");
      list.add(new StoredNotification(id.toString(), event[0], event[1], String.format(event[2], detail), data, read,
          read ? at.plus(Duration.ofMinutes(5)) : null, at));
      at = at.minus(Duration.ofMinutes(3 + random.nextInt(400)));
    }
    return list;
  }

  /** A MongoDB-style ObjectId: 4 bytes of seconds, then 8 random bytes. */
  private static String objectId(Instant at, Random random) {
    return String.format("%08x%08x%08x", at.getEpochSecond() & 0xFFFFFFFFL, random.nextInt(), random.nextInt());
  }

  private static String capitalise(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
