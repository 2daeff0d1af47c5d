"""The people a person looks after: diaries shared with them, sorted by what needs attention."""
