// What a Mermaid renderer draws at most with its default settings, as GitHub and GitLab render
// Markdown: a longer source is drawn as a picture saying "Maximum text size in diagram exceeded"
// (mermaidAPI.ts, maxTextSize), more edges (invisible `~~~` ones included) fail (flowDb.ts,
// maxEdges). The graph splitter (render) and the browser that draws (io) keep to the same numbers.

export interface MermaidLimits {
  maxTextSize: number;
  maxEdges: number;
}

export const MERMAID_LIMITS: MermaidLimits = { maxTextSize: 50_000, maxEdges: 500 };
