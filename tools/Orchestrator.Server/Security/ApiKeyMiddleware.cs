using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Server.Security;

/// <summary>
/// With a key configured, every <c>/api</c> request needs <c>Authorization: Bearer &lt;key&gt;</c>. The comparison
/// takes the same time whatever the guess (<see cref="CryptographicOperations.FixedTimeEquals"/> over SHA-256
/// digests, so the length does not leak either). Health, metrics and the page itself stay open: the page asks for
/// the key and sends it on its API calls.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, byte[] keyDigest)
{
    public static ApiKeyMiddleware? For(RequestDelegate next, string? key) =>
        key is null ? null : new ApiKeyMiddleware(next, SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api") || Authorised(context.Request))
        {
            await next(context);
            return;
        }
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "API key required",
            detail: "send the server's API key as 'Authorization: Bearer <key>'").ExecuteAsync(context);
    }

    private bool Authorised(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        // EventSource cannot set headers: the page passes the key as access_token on the events stream only.
        var presented = header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            ? header[scheme.Length..].Trim()
            : request.Path.Value?.EndsWith("/events", StringComparison.Ordinal) == true ? request.Query["access_token"].ToString() : "";
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        return CryptographicOperations.FixedTimeEquals(digest, keyDigest);
    }
}
