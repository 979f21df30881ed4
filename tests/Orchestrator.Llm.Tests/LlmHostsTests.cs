using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Orchestrator.Cli.Tests;

namespace Orchestrator.Llm.Tests;

/// <summary>The `llm` node and the reference library in the other hosts: <c>check --model</c> and <c>serve --model</c> with a pipeline naming a library.</summary>
public class LlmHostsTests
{
    private const string Bible = """
        # Carrow Point series bible

        ## Maren Hale

        Maren Hale keeps the Carrow light after her father. Her eyes were grey.

        ## Tomas Reyne

        Tomas Reyne is the engineer from the mainland. He trusts his two generators.
        """;

    private CliProcess _cli = null!;

    [SetUp]
    public void SetUp() => _cli = new CliProcess();

    [TearDown]
    public void TearDown() => _cli.Dispose();

    [Test]
    public async Task Check_with_a_model_runs_an_llm_node_on_each_chapter()
    {
        var result = await _cli.RunAsync("check", CliProcess.Sample, "--nodes", "llm,style", "--format", "json", "--model", TestModels.PathOf(TestModels.Stories),
            "--set", "llm.prompt=Chapter {{chapter.number}}: {{chapter.title}}\n{{chapter.text}}\nSummary:", "--set", "llm.scope=chapter", "--set", "llm.maxTokens=4");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var llm = json.RootElement.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("id").GetString() == "llm");
        var chapters = json.RootElement.GetProperty("chapters").GetInt32();
        Assert.Multiple(() =>
        {
            Assert.That(llm.GetProperty("status").GetString(), Is.EqualTo("Succeeded"), llm.ToString());
            Assert.That(llm.GetProperty("metrics").GetProperty("generations").GetDouble(), Is.EqualTo(chapters));
            Assert.That(llm.GetProperty("metrics").GetProperty("generatedTokens").GetDouble(), Is.InRange(chapters, 4 * chapters));
            Assert.That(llm.GetProperty("findings").EnumerateArray().Count(f => f.GetProperty("rule").GetString() == "llm.output"), Is.EqualTo(chapters));
        });
    }

    [Test]
    public async Task Check_with_an_llm_node_and_no_model_is_exit_2_saying_how_to_give_one()
    {
        var result = await _cli.RunAsync("check", CliProcess.Sample, "--nodes", "llm", "--set", "llm.prompt={{chapter.text}}", "--set", "llm.scope=chapter");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain("no model is configured: pass --model PATH").And.Not.Contain("   at "));
    }

    [Test]
    public async Task Serve_with_a_model_runs_a_pipeline_that_names_a_library_in_its_settings()
    {
        var add = await _cli.RunAsync("library", "add", "series", _cli.Write("bible.md", Bible));
        Assert.That(add.ExitCode, Is.Zero, add.ToString());
        var pipelines = Directory.CreateDirectory(Path.Combine(_cli.WorkDir, "pipelines")).FullName;
        await File.WriteAllTextAsync(Path.Combine(pipelines, "series-llm.json"), """
            {
              "name": "series-llm", "version": 1,
              "settings": { "maxIterations": 1, "library": "series" },
              "nodes": [
                { "id": "structure", "type": "structure" },
                { "id": "consistency", "type": "consistency", "dependsOn": ["structure"] },
                { "id": "summaries", "type": "llm", "dependsOn": ["structure"], "weight": 0,
                  "options": { "prompt": "Notes:\n{{passages}}\n{{chapter.text}}\nSummary:", "scope": "chapter", "maxTokens": 4, "passages": 1 } }
              ]
            }
            """);
        var url = $"http://127.0.0.1:{FreePort()}";
        using var serve = _cli.Start("serve", "--urls", url, "--pipelines", pipelines, "--model", TestModels.PathOf(TestModels.Stories));
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2) };
            await WaitForHealthAsync(client, serve);
            using var form = new MultipartFormDataContent
            {
                { new ByteArrayContent(await File.ReadAllBytesAsync(CliProcess.Sample)), "file", Path.GetFileName(CliProcess.Sample) },
                { new StringContent("series-llm"), "pipeline" },
            };
            using var posted = await client.PostAsync("/api/sessions", form);
            Assert.That((int)posted.StatusCode, Is.EqualTo(202), await posted.Content.ReadAsStringAsync());
            var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

            JsonElement session = default;
            for (var i = 0; i < 600; i++)
            {
                session = await client.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}");
                if (session.GetProperty("status").GetString() is "Completed" or "CompletedWithErrors" or "Failed") break;
                await Task.Delay(100);
            }
            Assert.That(session.GetProperty("status").GetString(), Is.EqualTo("Completed"), session.ToString());
            var report = await client.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}/report");
            var nodes = report.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!);
            Assert.Multiple(() =>
            {
                Assert.That(nodes["summaries"].GetProperty("metrics").GetProperty("generations").GetDouble(), Is.GreaterThan(0), "the llm node ran on the served model");
                Assert.That(nodes["consistency"].GetProperty("metrics").TryGetProperty("libraryNameVariants", out _), Is.True,
                    "the consistency node read the library the pipeline names");
            });
        }
        finally
        {
            serve.Process.Kill(entireProcessTree: true);
            await serve.Process.WaitForExitAsync();
        }
    }

    private static async Task WaitForHealthAsync(HttpClient client, CliChild serve)
    {
        for (var i = 0; i < 300; i++)
        {
            if (serve.Process.HasExited) Assert.Fail($"serve exited: {await serve.WaitAsync()}");
            try
            {
                using var health = await client.GetAsync("/healthz");
                if (health.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        Assert.Fail("serve did not answer /healthz within 30 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
