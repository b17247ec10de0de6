"""After-care pages: a reframe, a debrief pointer, "Need to talk?", the reply you won't send."""
