using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Orchestrator.Server.Tests;

/// <summary>Every error a client can cause: one problem+json answer with the reason, and nothing changed on disk.</summary>
[TestFixture]
public sealed class ErrorsTests
{
    private ServerHost _server = null!;

    [OneTimeSetUp]
    public async Task Start() => _server = await ServerHost.StartAsync(ServerHost.NewOptions() with { MaxUploadBytes = 200_000 });

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    private static IEnumerable<TestCaseData> BadUploads()
    {
        yield return new TestCaseData(Array.Empty<byte>(), "text/plain", HttpStatusCode.BadRequest, "empty").SetName("empty body");
        yield return new TestCaseData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D, 1, 2, 0, 0, 3 }, "text/plain", HttpStatusCode.BadRequest, "binary").SetName("binary bytes");
        yield return new TestCaseData(new byte[] { 0x48, 0x69, 0x20, 0xC3, 0x28, 0x20, 0x74, 0x68, 0x65, 0x72, 0x65 }, "text/plain", HttpStatusCode.BadRequest, "UTF-8").SetName("undecodable text");
        yield return new TestCaseData(Encoding.UTF8.GetBytes("PK\u0003\u0004 not really a zip"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", HttpStatusCode.BadRequest, "manuscript.docx").SetName("broken docx");
        yield return new TestCaseData(Encoding.UTF8.GetBytes("Chapter 1\n\nText."), "application/pdf", HttpStatusCode.UnsupportedMediaType, "application/pdf").SetName("unknown content type");
        yield return new TestCaseData(new byte[300_000], "text/plain", HttpStatusCode.RequestEntityTooLarge, "0.2 MB").SetName("over the upload limit");
    }

    [TestCaseSource(nameof(BadUploads))]
    public async Task A_bad_upload_is_refused_with_its_reason_and_nothing_is_written(byte[] body, string contentType, HttpStatusCode expected, string reason)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var response = await _server.Client.PostAsync("/api/sessions", content);
        Assert.That(response.StatusCode, Is.EqualTo(expected));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(text, Does.Contain(reason));
        Assert.That(text, Does.Not.Contain("   at "), "no stack trace");
        NothingWritten();
    }

    [TestCase("?pipeline=../../etc/passwd", "unknown pipeline")]
    [TestCase("?pipeline=nope", "unknown pipeline 'nope'")]
    [TestCase("?genre=space-opera-western", "unknown genre")]
    [TestCase("?targetLength=-5", "targetLength must be a positive number")]
    public async Task Bad_fields_are_refused_with_400_naming_the_field(string query, string reason)
    {
        using var response = await _server.PostFileAsync(ServerHost.Sample, "text/markdown", query);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(reason));
        NothingWritten();
    }

    [Test]
    public async Task A_multipart_form_without_a_file_part_is_refused()
    {
        using var form = new MultipartFormDataContent { { new StringContent("novel"), "pipeline" } };
        using var response = await _server.Client.PostAsync("/api/sessions", form);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("'file' part"));
        NothingWritten();
    }

    [Test]
    public async Task A_multipart_file_named_to_escape_keeps_only_its_own_name()
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes("x")), "file", "../../../evil.exe" },
        };
        using var response = await _server.Client.PostAsync("/api/sessions", form);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("evil.exe"));
        NothingWritten();
    }

    [TestCase("/api/sessions/bad$id", HttpStatusCode.BadRequest)]
    [TestCase("/api/sessions/.hidden", HttpStatusCode.BadRequest)]
    [TestCase("/api/sessions/..%2F..%2Fetc", HttpStatusCode.BadRequest)]
    [TestCase("/api/sessions/novel_20990101_000000_abcd", HttpStatusCode.NotFound)]
    [TestCase("/api/sessions/novel_20990101_000000_abcd/report", HttpStatusCode.NotFound)]
    [TestCase("/api/sessions/novel_20990101_000000_abcd/events", HttpStatusCode.NotFound)]
    [TestCase("/api/sessions/bad$id/events", HttpStatusCode.BadRequest)]
    public async Task Session_ids_are_validated_and_unknown_ones_are_404(string path, HttpStatusCode expected)
    {
        using var response = await _server.Client.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(expected));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [TestCase("cancel")]
    [TestCase("resume")]
    public async Task Cancel_and_resume_of_an_unknown_session_are_404(string verb)
    {
        using var response = await _server.Client.PostAsync($"/api/sessions/novel_20990101_000000_abcd/{verb}", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        using var delete = await _server.Client.DeleteAsync("/api/sessions/novel_20990101_000000_abcd");
        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task An_unknown_path_is_a_problem_404()
    {
        using var response = await _server.Client.GetAsync("/api/nothing-here");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private void NothingWritten()
    {
        Assert.That(Directory.Exists(Path.Combine(_server.DataDir, "sessions")), Is.False, "no session folder");
        Assert.That(Directory.Exists(Path.Combine(_server.DataDir, "server", "uploads")), Is.False, "no stored upload");
        Assert.That(Directory.Exists(Path.Combine(_server.DataDir, "server", "submissions")), Is.False, "no submission record");
    }
}
