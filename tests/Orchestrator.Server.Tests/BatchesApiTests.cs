using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts;
using Orchestrator.Manuscripts.Batch;
using Orchestrator.Manuscripts.Coordination;
using Orchestrator.Manuscripts.Rules;
using Orchestrator.Manuscripts.Tests;

namespace Orchestrator.Server.Tests;

/// <summary>The batches API in process: a zip of a corpus folder or loose files in, per-manuscript sessions and batch's summary out; every bad archive refused.</summary>
[TestFixture]
public sealed class BatchesApiTests
{
    [Test]
    public async Task A_zip_of_a_corpus_folder_runs_each_manuscript_as_batch_does_and_a_second_post_skips_them_all()
    {
        var folder = Directory.CreateTempSubdirectory("batch-folder-").FullName;
        try
        {
            var submissions = Path.Combine(folder, "submissions");
            Directory.CreateDirectory(submissions);
            File.Copy(Corpus.PathOf("carroll-alices-adventures-in-wonderland.txt"), Path.Combine(submissions, "alice.txt"));
            var lighthouse = Path.Combine(submissions, "lighthouse");
            Directory.CreateDirectory(lighthouse);
            var sample = await File.ReadAllTextAsync(ServerHost.Sample);
            var half = sample.IndexOf("\n## ", sample.Length / 2, StringComparison.Ordinal);
            Assert.That(half, Is.GreaterThan(0), "the sample has a second half starting at a heading");
            await File.WriteAllTextAsync(Path.Combine(lighthouse, "chapter-01.md"), sample[..half]);
            await File.WriteAllTextAsync(Path.Combine(lighthouse, "chapter-02.md"), sample[(half + 1)..]);
            await File.WriteAllTextAsync(Path.Combine(submissions, "cover-letter.pdf"), "not a manuscript: passed over by the pattern");
            var zip = Path.Combine(folder, "submissions.zip");
            ZipFile.CreateFromDirectory(submissions, zip, CompressionLevel.Fastest, includeBaseDirectory: true);

            await using var server = await ServerHost.StartAsync();
            using var posted = await PostZipAsync(server, zip, "?genre=literary");
            Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await posted.Content.ReadAsStringAsync());
            var batch = await posted.Content.ReadFromJsonAsync<JsonElement>(ServerHost.Json);
            var id = batch.GetProperty("id").GetString()!;
            Assert.That(posted.Headers.Location?.ToString(), Is.EqualTo($"/api/batches/{id}"));
            Assert.That(batch.GetProperty("folder").GetString(), Is.EqualTo("submissions"));
            Assert.That(batch.GetProperty("progress").GetProperty("total").GetInt32(), Is.EqualTo(2));

            var done = await WaitUntilDoneAsync(server, id);
            var rows = done.GetProperty("manuscripts").EnumerateArray().ToArray();
            Assert.That(rows.Select(r => r.GetProperty("file").GetString()), Is.EqualTo(new[] { "alice.txt", "lighthouse/" }));
            Assert.That(rows.Select(r => r.GetProperty("status").GetString()), Is.All.EqualTo("succeeded"));
            Assert.That(done.GetProperty("totals").GetProperty("succeeded").GetInt32(), Is.EqualTo(2));
            Assert.That(done.GetProperty("progress").GetProperty("done").GetInt32(), Is.EqualTo(2));
            foreach (var row in rows)
            {
                var session = await server.GetJsonAsync($"/api/sessions/{row.GetProperty("sessionId").GetString()}");
                Assert.That(session.GetProperty("status").GetString(), Is.EqualTo("Completed"));
                Assert.That(row.GetProperty("quality").GetDouble(), Is.EqualTo(session.GetProperty("quality").GetDouble()));
            }

            // The CLI's batch on the same folder: the same manuscripts, words, chapters, quality and recommendations.
            var cli = await RunBatchAsync(submissions);
            Assert.That(cli.Manuscripts.Select(m => m.File), Is.EqualTo(rows.Select(r => r.GetProperty("file").GetString())));
            for (var i = 0; i < rows.Length; i++)
            {
                var (row, expected) = (rows[i], cli.Manuscripts[i]);
                Assert.That(row.GetProperty("words").GetInt32(), Is.EqualTo(expected.Words), expected.File);
                Assert.That(row.GetProperty("chapters").GetInt32(), Is.EqualTo(expected.Chapters), expected.File);
                Assert.That(row.GetProperty("title").GetString(), Is.EqualTo(expected.Title), expected.File);
                Assert.That(row.GetProperty("quality").GetDouble(), Is.EqualTo(expected.Quality!.Value).Within(1e-9), expected.File);
                Assert.That(row.GetProperty("topRecommendations").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(expected.TopRecommendations), expected.File);
            }
            Assert.That(done.GetProperty("totals").GetProperty("wordsAnalysed").GetInt64(), Is.EqualTo(cli.WordsAnalysed));

            using var csv = await server.Client.GetAsync($"/api/batches/{id}/summary.csv");
            Assert.That(csv.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.That(lines[0], Is.EqualTo(string.Join(',', BatchSummaryFiles.CsvColumns)));
            Assert.That(lines[1], Does.StartWith("alice.txt,succeeded,"));

            // Posted again: every manuscript is already done, in the same sessions.
            using var again = await PostZipAsync(server, zip, "?genre=literary");
            var second = await WaitUntilDoneAsync(server, (await again.Content.ReadFromJsonAsync<JsonElement>(ServerHost.Json)).GetProperty("id").GetString()!);
            var secondRows = second.GetProperty("manuscripts").EnumerateArray().ToArray();
            Assert.That(secondRows.Select(r => r.GetProperty("status").GetString()), Is.All.EqualTo("skipped-already-done"));
            Assert.That(secondRows.Select(r => r.GetProperty("sessionId").GetString()), Is.EqualTo(rows.Select(r => r.GetProperty("sessionId").GetString())));
            Assert.That(secondRows[0].GetProperty("topRecommendations").GetArrayLength(), Is.EqualTo(rows[0].GetProperty("topRecommendations").GetArrayLength()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task Several_files_in_one_form_are_a_batch_of_those_files()
    {
        await using var server = await ServerHost.StartAsync();
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(await File.ReadAllBytesAsync(ServerHost.Sample)), "file", "lighthouse.md" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(ShortStory)), "file", "storm.txt" },
            { new StringContent("quick"), "pipeline" },
        };
        using var posted = await server.Client.PostAsync("/api/batches", form);
        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await posted.Content.ReadAsStringAsync());
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>(ServerHost.Json)).GetProperty("id").GetString()!;
        var done = await WaitUntilDoneAsync(server, id);
        Assert.That(done.GetProperty("pipeline").GetString(), Is.EqualTo("quick"));
        var rows = done.GetProperty("manuscripts").EnumerateArray().ToArray();
        Assert.That(rows.Select(r => r.GetProperty("file").GetString()), Is.EqualTo(new[] { "lighthouse.md", "storm.txt" }));
        Assert.That(rows.Select(r => r.GetProperty("status").GetString()), Is.All.EqualTo("succeeded"));
        var storm = await server.GetJsonAsync($"/api/sessions/{rows[1].GetProperty("sessionId").GetString()}");
        Assert.That(storm.GetProperty("pipeline").GetString(), Is.EqualTo("quick"));
    }

    [Test]
    public async Task A_zip_holding_one_folder_is_that_folder_even_when_its_files_are_named_like_chapters()
    {
        await using var server = await ServerHost.StartAsync();
        using var content = new ByteArrayContent(Zip(
            ("submissions/01 - storm.txt", Encoding.UTF8.GetBytes(ShortStory), null),
            ("submissions/02 - calm.txt", Encoding.UTF8.GetBytes(ShortStory.Replace("storm", "calm")), null)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        using var posted = await server.Client.PostAsync("/api/batches?pipeline=quick", content);
        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await posted.Content.ReadAsStringAsync());
        var batch = await posted.Content.ReadFromJsonAsync<JsonElement>(ServerHost.Json);
        Assert.That(batch.GetProperty("manuscripts").EnumerateArray().Select(m => m.GetProperty("file").GetString()),
            Is.EqualTo(new[] { "01 - storm.txt", "02 - calm.txt" }), "batch submissions/ takes each file, as the CLI does");
        await WaitUntilDoneAsync(server, batch.GetProperty("id").GetString()!);
    }

    private static IEnumerable<TestCaseData> BadArchives()
    {
        yield return new TestCaseData(Zip(("../evil.txt", Encoding.UTF8.GetBytes(ShortStory), null)), HttpStatusCode.BadRequest, "'../evil.txt' escapes its folder")
            .SetName("zip-slip with ..");
        yield return new TestCaseData(Zip(("/tmp/evil.txt", Encoding.UTF8.GetBytes(ShortStory), null)), HttpStatusCode.BadRequest, "'/tmp/evil.txt' escapes its folder")
            .SetName("zip-slip with an absolute path");
        yield return new TestCaseData(Zip(("story.txt", Encoding.UTF8.GetBytes(ShortStory), null), ("link.txt", Encoding.UTF8.GetBytes("/etc/passwd"), 0xA1FF)),
            HttpStatusCode.BadRequest, "'link.txt' is a symbolic link").SetName("a symbolic link");
        yield return new TestCaseData(Zip(("bomb.txt", new byte[20 * 1024 * 1024], null)), HttpStatusCode.BadRequest, "zip bomb").SetName("a zip bomb");
        yield return new TestCaseData(Encoding.UTF8.GetBytes("PK\u0003\u0004 not a zip at all"), HttpStatusCode.BadRequest, "cannot be read").SetName("a broken zip");
        yield return new TestCaseData(Zip(("notes.pdf", Encoding.UTF8.GetBytes("%PDF-1.4"), null)), HttpStatusCode.BadRequest, "no manuscript found").SetName("no manuscript");
        yield return new TestCaseData(Zip(("good.txt", Encoding.UTF8.GetBytes(ShortStory), null), ("bad.txt", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 1, 2, 0, 0 }, null)),
            HttpStatusCode.BadRequest, "bad.txt: ").SetName("one binary manuscript");
    }

    [TestCaseSource(nameof(BadArchives))]
    public async Task A_bad_archive_is_refused_naming_the_culprit_and_nothing_is_written(byte[] zip, HttpStatusCode expected, string reason)
    {
        await using var server = await ServerHost.StartAsync();
        using var content = new ByteArrayContent(zip);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        using var response = await server.Client.PostAsync("/api/batches", content);
        Assert.That(response.StatusCode, Is.EqualTo(expected));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(text, Does.Contain(reason));
        Assert.That(text, Does.Not.Contain("   at "), "no stack trace");
        Assert.That(File.Exists(Path.Combine(server.DataDir, "evil.txt")) || File.Exists(Path.Combine(server.DataDir, "server", "evil.txt"))
            || File.Exists(Path.Combine(server.DataDir, "server", "batches", "evil.txt")), Is.False, "nothing written outside its folder");
        NothingWritten(server);
    }

    [Test]
    public async Task A_zip_among_other_files_an_unknown_type_and_an_upload_past_the_limit_are_refused()
    {
        await using var server = await ServerHost.StartAsync(ServerHost.NewOptions() with { MaxUploadBytes = 100_000 });
        using var mixed = new MultipartFormDataContent
        {
            { new ByteArrayContent(Zip(("a.txt", Encoding.UTF8.GetBytes(ShortStory), null))), "file", "more.zip" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(ShortStory)), "file", "b.txt" },
        };
        using var both = await server.Client.PostAsync("/api/batches", mixed);
        Assert.That(both.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await both.Content.ReadAsStringAsync(), Does.Contain("'more.zip' is a .zip"));

        using var pdf = new ByteArrayContent(Encoding.UTF8.GetBytes("%PDF"));
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var unknown = await server.Client.PostAsync("/api/batches", pdf);
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));

        using var large = new ByteArrayContent(Zip(("big.txt", RandomText(300_000), null)));
        large.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        using var tooLarge = await server.Client.PostAsync("/api/batches", large);
        Assert.That(tooLarge.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await tooLarge.Content.ReadAsStringAsync(), Does.Contain("0.1 MB"));
        NothingWritten(server);
    }

    [TestCase("/api/batches/bad$id", HttpStatusCode.BadRequest)]
    [TestCase("/api/batches/..%2Fsessions", HttpStatusCode.BadRequest)]
    [TestCase("/api/batches/batch-20990101-000000-abcdef", HttpStatusCode.NotFound)]
    [TestCase("/api/batches/batch-20990101-000000-abcdef/summary.csv", HttpStatusCode.NotFound)]
    public async Task Batch_ids_are_validated_and_unknown_ones_are_404(string path, HttpStatusCode expected)
    {
        await using var server = await ServerHost.StartAsync();
        using var response = await server.Client.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(expected));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    private const string ShortStory =
        "Chapter 1\n\nThe storm came in from the west before dawn. Mara watched it from the lamp room, counting the seconds " +
        "between the flashes and the thunder. \"It will pass,\" her father said, though he did not look up from his log.\n\n" +
        "Chapter 2\n\nBy noon the sea had gone grey and flat. They walked the shore together and found the wreck of a small " +
        "boat, its name burned away. Mara kept the oar. Her father said nothing about it, then or ever.\n";

    private static async Task<HttpResponseMessage> PostZipAsync(ServerHost server, string zip, string query)
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(await File.ReadAllBytesAsync(zip)), "file", Path.GetFileName(zip) },
        };
        return await server.Client.PostAsync("/api/batches" + query, form);
    }

    private static async Task<JsonElement> WaitUntilDoneAsync(ServerHost server, string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            var batch = await server.GetJsonAsync($"/api/batches/{id}");
            if (batch.GetProperty("status").GetString() == "done") return batch;
            if (DateTime.UtcNow > deadline) Assert.Fail($"batch {id} still running after the time limit");
            await Task.Delay(100);
        }
    }

    /// <summary>The CLI's batch, in process, on the same folder, pipeline and requirements.</summary>
    private static async Task<BatchSummary> RunBatchAsync(string folder)
    {
        var data = Directory.CreateTempSubdirectory("batch-cli-").FullName;
        try
        {
            var registry = NovelNodeTypes.CreateRegistry();
            var pipeline = PipelineLoader.Load(Path.Combine(ServerHost.RepoRoot, "pipelines", "novel.json"), registry);
            await using var coordinator = new NovelCoordinator(new CoordinatorOptions
            {
                Pipeline = pipeline, Registry = registry, Rules = NovelRules.Compile(pipeline, Path.Combine(data, "rules-cache")),
                Store = Engine.State.SessionStore.ForDataFolder(data),
            });
            var plan = BatchDiscovery.Discover(folder, new BatchDiscoveryOptions());
            return await new BatchRunner(coordinator, new BatchRunOptions
            {
                OutputFolder = Path.Combine(data, "out"), PipelineName = "novel",
                Requirements = new Manuscripts.Requirements.ManuscriptRequirements { Genre = "literary" },
            }).RunAsync(folder, plan.Items, null, CancellationToken.None);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static byte[] Zip(params (string Name, byte[] Content, int? UnixMode)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content, mode) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                if (mode is { } m) entry.ExternalAttributes = m << 16;
                using var stream = entry.Open();
                stream.Write(content);
            }
        }
        return buffer.ToArray();
    }

    private static byte[] RandomText(int length)
    {
        var random = new Random(7);
        var bytes = new byte[length];
        for (var i = 0; i < length; i++) bytes[i] = (byte)(i % 7 == 6 ? ' ' : 'a' + random.Next(26));
        return bytes;
    }

    private static void NothingWritten(ServerHost server)
    {
        Assert.That(Directory.Exists(Path.Combine(server.DataDir, "sessions")), Is.False, "no session folder");
        Assert.That(Directory.Exists(Path.Combine(server.DataDir, "server", "submissions")), Is.False, "no submission record");
        var batches = Path.Combine(server.DataDir, "server", "batches");
        Assert.That(Directory.Exists(batches) ? Directory.EnumerateFileSystemEntries(batches).ToArray() : [], Is.Empty, "no batch folder, no staging left");
    }
}
