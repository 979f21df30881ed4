namespace Orchestrator.Server.Sessions;

/// <summary>
/// A request on sessions that cannot be served as asked, with the HTTP status, title and detail its problem+json
/// carries, and for a passing condition (a full queue, a cluster silo that just died) the seconds to wait before
/// trying again (<c>Retry-After</c>).
/// </summary>
public sealed class SessionRefusedException(int status, string title, string detail, int? retryAfterSeconds = null, Exception? inner = null)
    : Exception(detail, inner)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
    public int? RetryAfterSeconds { get; } = retryAfterSeconds;

    public static SessionRefusedException NotFound(string id) => new(StatusCodes.Status404NotFound, "No such session", $"no session '{id}'");

    /// <summary>The problem+json answer, with <c>Retry-After</c> when given.</summary>
    public IResult ToResult() => new Answer(this);

    private sealed class Answer(SessionRefusedException refusal) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            if (refusal.RetryAfterSeconds is { } seconds)
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Problem(statusCode: refusal.Status, title: refusal.Title, detail: refusal.Message).ExecuteAsync(context);
        }
    }
}
