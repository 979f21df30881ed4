namespace Orchestrator.Server.Page;

/// <summary><c>GET /</c>: the status page, one HTML file embedded in this assembly (no CDN, nothing to build).</summary>
public static class StatusPage
{
    private static readonly Lazy<byte[]> Html = new(() =>
    {
        using var stream = typeof(StatusPage).Assembly.GetManifestResourceStream("Orchestrator.Server.Page.index.html")
            ?? throw new InvalidOperationException("the status page is not embedded in the server assembly");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    });

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/", () => Results.Bytes(Html.Value, "text/html; charset=utf-8")).ExcludeFromDescription();
}
