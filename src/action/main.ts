// The GitHub Action entry point; implemented in its own issue.
export {};
