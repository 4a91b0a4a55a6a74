// Placeholder until the gumbo producer lands (helper H2 replaces this file).
