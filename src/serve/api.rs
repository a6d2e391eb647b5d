//! `/api/...`: answers computed by the preview server rather than read from
//! the folder. The search API (`/api/search`, tantivy) belongs here; until it
//! exists every API path is a JSON 404.

use tiny_http::Request;

use super::State;
use super::http::Reply;

pub fn respond(request: Request, _state: &State) {
    Reply::new(
        404,
        "application/json",
        br#"{"error":"not found"}"#.to_vec(),
    )
    .send(request);
}
