"""Messages that reach people: e-mail through SMTP, and the jobs that compose and send it."""
