package io.adplane.users;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The server's email (U8): every message is written to the outbox table in the transaction that decided to send
 * it, and, when SMTP is configured ({@code spring.mail.host}), sent after that transaction commits. A message sent
 * by SMTP keeps no usable link in the outbox; one that was not sent (no SMTP, or SMTP failed) keeps its link so
 * the operator can hand it over ({@code ./adplane admin list-outbox}) until it expires.
 */
@Component
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);
    private static final Pattern TOKEN = Pattern.compile("(inviteHash|secret)=[A-Za-z0-9_-]+");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectProvider<JavaMailSender> smtp;
    private final Environment environment;

    Mailer(JdbcClient jdbc, Clock clock, ObjectProvider<JavaMailSender> smtp, Environment environment) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.smtp = smtp;
        this.environment = environment;
    }

    /** A message of the outbox: unsent ones still hold their links. */
    public record OutboxMessage(long id, String recipient, String subject, String body, String kind, long createdAt,
            Long sentAt, String lastError) {
    }

    /** Queues a message; it goes out once the current transaction commits (at once without one). */
    public long send(String recipient, String subject, String body, String kind) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO outbox (recipient, subject, body, kind, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(recipient, subject, body, kind, clock.millis()).update(keys, "id");
        long id = keys.getKey().longValue();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver(id, recipient, subject, body);
                }
            });
        } else {
            deliver(id, recipient, subject, body);
        }
        return id;
    }

    /** The newest messages first. */
    public List<OutboxMessage> recent(int limit) {
        return jdbc.sql("""
                SELECT id, recipient, subject, body, kind, created_at, sent_at, last_error FROM outbox
                ORDER BY id DESC LIMIT ?""")
                .param(limit)
                .query((rs, n) -> new OutboxMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getObject(7, Long.class), rs.getString(8)))
                .list();
    }

    /** The address messages come from: {@code adplane.mail.from}, else the SMTP user, else no-reply@localhost. */
    public String from() {
        String from = environment.getProperty("adplane.mail.from", "");
        if (from.isBlank()) {
            from = environment.getProperty("spring.mail.username", "");
        }
        return from.isBlank() || !from.contains("@") ? "no-reply@localhost" : from;
    }

    private void deliver(long id, String recipient, String subject, String body) {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null) {
            return;
        }
        try {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from());
            message.setTo(recipient);
            message.setSubject(subject);
            message.setText(body);
            sender.send(message);
            jdbc.sql("UPDATE outbox SET sent_at = ?, body = ?, last_error = NULL WHERE id = ?")
                    .params(clock.millis(), TOKEN.matcher(body).replaceAll("$1=(sent)"), id).update();
        } catch (MailException | org.springframework.dao.DataAccessException e) {
            log.warn("Mail {} to {} not sent: {}", id, recipient, e.getMessage());
            String error = String.valueOf(e.getMessage());
            jdbc.sql("UPDATE outbox SET last_error = ? WHERE id = ?")
                    .params(error.length() > 1000 ? error.substring(0, 1000) : error, id).update();
        }
    }
}
