using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Orchestrator.Server.Tests;

/// <summary>Pipelines, health, OpenAPI, metrics, the status page, the API key and the rate limiter.</summary>
[TestFixture]
public sealed class ServiceEndpointsTests
{
    [Test]
    public async Task Pipelines_are_listed_from_the_server_folder_shown_and_validated_with_json_paths()
    {
        await using var server = await ServerHost.StartAsync();
        var list = await server.GetJsonAsync("/api/pipelines");
        var names = list.EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToArray();
        Assert.That(names, Does.Contain("novel").And.Contain("quick"));
        var novel = list.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "novel");
        Assert.That(novel.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()), Does.Contain("style").And.Contain("recommendations"));

        var file = await server.GetJsonAsync("/api/pipelines/novel");
        Assert.That(file.GetProperty("name").GetString(), Is.EqualTo("novel"));
        using var missing = await server.Client.GetAsync("/api/pipelines/..%2Fsecrets");
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        const string broken = """{ "name": "x", "version": 1, "nodes": [ { "id": "a", "type": "style", "dependsOn": ["ghost"] } ], "rules": { "stop": "System.IO.File.Delete(\"/\")" } }""";
        using var checkBroken = await server.Client.PostAsync("/api/pipelines/validate", new StringContent(broken, Encoding.UTF8, "application/json"));
        var result = JsonDocument.Parse(await checkBroken.Content.ReadAsStringAsync()).RootElement;
        Assert.That(result.GetProperty("valid").GetBoolean(), Is.False);
        var problem = result.GetProperty("problems").EnumerateArray().First(p => p.GetProperty("message").GetString()!.Contains("ghost"));
        Assert.That(problem.GetProperty("path").GetString(), Does.StartWith("$.nodes[0]"));

        var valid = await File.ReadAllTextAsync(Path.Combine(ServerHost.RepoRoot, "pipelines", "quick.json"));
        using var checkValid = await server.Client.PostAsync("/api/pipelines/validate", new StringContent(valid, Encoding.UTF8, "application/json"));
        Assert.That(JsonDocument.Parse(await checkValid.Content.ReadAsStringAsync()).RootElement.GetProperty("valid").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Health_readiness_OpenAPI_metrics_and_the_page_answer()
    {
        await using var server = await ServerHost.StartAsync();
        Assert.That((await server.GetJsonAsync("/healthz")).GetProperty("status").GetString(), Is.EqualTo("alive"));
        Assert.That((await server.GetJsonAsync("/readyz")).GetProperty("status").GetString(), Is.EqualTo("ready"));
        var openApi = await server.GetJsonAsync("/openapi/v1.json");
        var paths = openApi.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.That(paths, Does.Contain("/api/sessions").And.Contain("/api/sessions/{id}/events").And.Contain("/api/pipelines/validate"));

        var id = await SessionsApiTests.PostAsync(server, ServerHost.Sample);
        await server.WaitUntilStoppedAsync(id);
        var metrics = await server.Client.GetStringAsync("/metrics");
        Assert.That(metrics, Does.Contain("orchestrator_queue_length"));
        Assert.That(metrics, Does.Contain("orchestrator_node_duration_seconds_bucket"));
        Assert.That(metrics, Does.Contain("orchestrator_sessions_ended_total{otel_scope_name=\"Orchestrator.Server\",status=\"Completed\"} 1"));

        using var page = await server.Client.GetAsync("/");
        Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        var html = await page.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("<form id=\"upload-form\">"));
        Assert.That(html, Does.Not.Contain("https://"), "no CDN");
    }

    [Test]
    public async Task With_a_key_every_api_path_needs_the_bearer_key_and_health_does_not()
    {
        await using var server = await ServerHost.StartAsync(ServerHost.NewOptions() with { ApiKey = "s3cret-key" });
        using (var none = await server.Client.GetAsync("/api/sessions"))
        {
            Assert.That(none.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(none.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        }
        using (var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/sessions"))
        {
            wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret-kez");
            Assert.That((await server.Client.SendAsync(wrong)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }
        using (var right = new HttpRequestMessage(HttpMethod.Get, "/api/sessions"))
        {
            right.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret-key");
            Assert.That((await server.Client.SendAsync(right)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
        using var health = await server.Client.GetAsync("/healthz");
        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var post = await server.PostFileAsync(ServerHost.Sample, "text/markdown");
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(Directory.Exists(Path.Combine(server.DataDir, "server", "uploads")), Is.False);
    }

    [TestCase("http://0.0.0.0:5080")]
    [TestCase("http://*:5080")]
    [TestCase("http://127.0.0.1:5080;http://192.0.2.10:5080")]
    public void Binding_beyond_loopback_without_a_key_refuses_to_start_and_says_how_to_set_one(string urls)
    {
        var error = Assert.Throws<ServerStartException>(() => ServerApp.Build(ServerHost.NewOptions() with { Urls = urls }, Serilog.Core.Logger.None));
        Assert.That(error!.Message, Does.Contain("--api-key-file").And.Contain("ORCHESTRATOR_API_KEY"));
    }

    [Test]
    public async Task A_client_past_its_request_budget_gets_429_with_Retry_After()
    {
        await using var server = await ServerHost.StartAsync(ServerHost.NewOptions() with { RequestsPerMinute = 3 });
        for (var i = 0; i < 3; i++)
            Assert.That((await server.Client.GetAsync("/api/pipelines")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var limited = await server.Client.GetAsync("/api/pipelines");
        Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(limited.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(60)));
        Assert.That((await server.Client.GetAsync("/healthz")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "health is not limited");
    }
}
