using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orchestrator.Library;
using Orchestrator.Manuscripts;

namespace Orchestrator.Server.Tests;

/// <summary>
/// The server's "same content already finished" answer keys the pipeline as its sessions are: with a reference library
/// in use, a post of the same manuscript reuses the finished session while the library is unchanged, and is analysed
/// again once a document was added to it (a real library file, the sample manuscript).
/// </summary>
[TestFixture]
public sealed class LibraryReuseApiTests
{
    [Test]
    public async Task The_same_post_is_answered_with_the_finished_session_until_the_library_changes()
    {
        var folder = Directory.CreateTempSubdirectory("orchestrator-server-library-").FullName;
        try
        {
            var path = Path.Combine(folder, "series.db");
            await AddAsync(path, "bible.md", "# Bible\n\n## Maren Hale\n\nMaren Hale keeps the Carrow light. Her eyes were grey.\n", create: true);
            await using var library = new DeferredLibrary("series", path, LibraryOptions.Default);
            // The novel pipeline's consistency node reads the library, as `serve --library series` gives it.
            await using var server = await ServerHost.StartAsync(ServerHost.NewOptions() with { NodeTypes = (_, _) => NovelNodeTypes.CreateRegistry(library) });

            var first = await SessionsApiTests.PostAsync(server, ServerHost.Sample);
            await server.WaitUntilStoppedAsync(first);
            var (sameStatus, same) = await PostAsync(server);
            var versionBefore = library.Version;

            await AddAsync(path, "ferry.md", "# Ferry\n\n## The ferry\n\nThe mail ferry from Skellan runs twice a week.\n");
            Assert.That(library.Version, Is.Not.EqualTo(versionBefore), "adding a document gives the library a new version");
            var (changedStatus, changed) = await PostAsync(server);
            await server.WaitUntilStoppedAsync(changed);
            var (againStatus, again) = await PostAsync(server);

            Assert.Multiple(() =>
            {
                Assert.That((sameStatus, same), Is.EqualTo((HttpStatusCode.OK, first)), "the same library: the finished session");
                Assert.That(changedStatus, Is.EqualTo(HttpStatusCode.Accepted), "a changed library: analysed again");
                Assert.That(changed, Is.Not.EqualTo(first));
                Assert.That((againStatus, again), Is.EqualTo((HttpStatusCode.OK, changed)), "and that analysis is reused while the library stays");
            });
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<(HttpStatusCode Status, string Id)> PostAsync(ServerHost server)
    {
        using var posted = await server.PostFileAsync(ServerHost.Sample, "text/markdown");
        Assert.That(posted.StatusCode, Is.AnyOf(HttpStatusCode.OK, HttpStatusCode.Accepted), await posted.Content.ReadAsStringAsync());
        return (posted.StatusCode, (await posted.Content.ReadFromJsonAsync<JsonElement>(ServerHost.Json)).GetProperty("id").GetString()!);
    }

    private static async Task AddAsync(string library, string name, string text, bool create = false)
    {
        var file = Path.Combine(Path.GetDirectoryName(library)!, name);
        await File.WriteAllTextAsync(file, text);
        await using var store = await LibraryStore.OpenAsync("series", library, LibraryOptions.Default with { Create = create }, CancellationToken.None);
        await store.AddAsync(file, CancellationToken.None);
    }
}
