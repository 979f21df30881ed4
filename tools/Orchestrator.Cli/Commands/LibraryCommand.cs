using System.CommandLine;
using System.Text.Json;
using Orchestrator.Cli.Commands.Library;
using Orchestrator.Cli.Hosting;
using Orchestrator.Library;
using Orchestrator.Manuscripts.Reports;

namespace Orchestrator.Cli.Commands;

/// <summary>
/// <c>orchestrator library add|list|search|remove</c>: reference libraries (series bible, character sheets, style
/// guide, earlier books) kept as <c>&lt;data&gt;/library/&lt;name&gt;.db</c>, which <c>run</c>, <c>check</c> and
/// <c>batch</c> consult with <c>--library NAME</c>.
/// </summary>
public static class LibraryCommand
{
    public static Command Create(GlobalOptions global) =>
        new("library", "Keep reference libraries (series bible, style guide, earlier books) that runs consult with --library")
        {
            Add(global), List(global), Search(global), Remove(global),
        };

    private static Command Add(GlobalOptions global)
    {
        var name = NameArgument();
        var paths = new Argument<string[]>("files") { Description = "Files (.txt, .md, .docx) and folders (of chapter files, or of documents) to add", Arity = ArgumentArity.OneOrMore };
        var model = ModelOption();
        var command = new Command("add", "Add documents to a library (created when new); the same content again changes nothing, a changed file replaces its chunks") { name, paths, model };
        command.SetAction((parse, ct) => CliRunner.GuardAsync(async () =>
        {
            var settings = CliSettings.Load(parse.GetValue(global.Data));
            await using var log = Logging.Create(settings);
            await using var llm = LlmHosting.Create(settings, parse.GetValue(model), log);
            await using var library = await LibraryHosting.OpenAsync(settings, parse.GetValue(name)!, create: true, ct, llm.Embedder());
            foreach (var path in parse.GetValue(paths)!)
                foreach (var result in await library.AddAsync(path, ct))
                    Console.Out.WriteLine(LibraryText.Describe(result));
            if (library.LastEmbedding is { } embedding)
                Console.Error.WriteLine(LibraryText.Describe(embedding));
            else if (await library.EmbeddingModelAsync(ct) is { } stored)
                // Chunks added without a model have no vector: say so, or searches would quietly miss them.
                Console.Error.WriteLine($"note: library {library.Name} holds embeddings of model '{stored}'; chunks added without a model have none (add again with --model to embed them)");
            Console.Error.WriteLine($"library {library.Name}: version {LibraryText.Short(library.Version)}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command List(GlobalOptions global)
    {
        var name = new Argument<string?>("name") { Description = "A library: list its documents (default: list the libraries)", Arity = ArgumentArity.ZeroOrOne };
        var format = FormatOption();
        var command = new Command("list", "The libraries in the data folder, or the documents of one") { name, format };
        command.SetAction((parse, ct) => CliRunner.GuardAsync(async () =>
        {
            var settings = CliSettings.Load(parse.GetValue(global.Data));
            var json = parse.GetValue(format) == "json";
            if (parse.GetValue(name) is not { } one)
            {
                var rows = new List<LibraryRow>();
                foreach (var each in LibraryLocation.Names(settings.DataDirectory))
                {
                    try
                    {
                        await using var library = await LibraryHosting.OpenAsync(settings, each, create: false, ct);
                        var documents = await library.ListAsync(ct);
                        rows.Add(new LibraryRow(each, documents.Count, documents.Sum(d => d.Chunks), documents.Sum(d => d.Words),
                            await library.EmbeddingModelAsync(ct), library.Version, library.Path));
                    }
                    catch (LibraryException ex)
                    {
                        // One unusable file must not hide the others: it is listed with its problem.
                        rows.Add(new LibraryRow(each, 0, 0, 0, null, "", ex.Path) { Problem = ex.Problem });
                    }
                }
                if (json) WriteJson(rows);
                else LibraryText.WriteLibraries(Console.Out, settings.DataDirectory, rows);
                return ExitCodes.Success;
            }
            await using (var library = await LibraryHosting.OpenAsync(settings, one, create: false, ct))
            {
                var documents = await library.ListAsync(ct);
                if (json) WriteJson(new { library = library.Name, version = library.Version, embeddingModel = await library.EmbeddingModelAsync(ct), documents });
                else LibraryText.WriteDocuments(Console.Out, library.Name, library.Version, documents);
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Search(GlobalOptions global)
    {
        var name = NameArgument();
        var query = new Argument<string>("query") { Description = "What to look for, in plain words" };
        var k = new Option<int>("--k", "-k") { Description = "Passages to return", DefaultValueFactory = _ => 5 };
        var format = FormatOption();
        var model = ModelOption();
        var command = new Command("search", "The passages of a library that best match a query: document, chapter, paragraph, score and excerpt") { name, query, k, format, model };
        command.SetAction((parse, ct) => CliRunner.GuardAsync(async () =>
        {
            var count = parse.GetValue(k);
            if (count is < 1 or > 1000) throw new CliUsageException($"--k must be between 1 and 1000 (got {count})");
            var settings = CliSettings.Load(parse.GetValue(global.Data));
            await using var log = Logging.Create(settings);
            await using var llm = LlmHosting.Create(settings, parse.GetValue(model), log);
            await using var library = await LibraryHosting.OpenAsync(settings, parse.GetValue(name)!, create: false, ct, llm.Embedder());
            await LibraryHosting.NoteVectorsAsync(library, ct);
            var hits = await library.SearchAsync(parse.GetValue(query)!, count, ct);
            if (parse.GetValue(format) == "json")
                WriteJson(hits.Select(h => new
                {
                    document = h.Document, chapter = h.Chapter, heading = h.ChapterHeading, firstParagraph = h.FirstParagraph,
                    lastParagraph = h.LastParagraph, score = h.Score, excerpt = LibraryText.Excerpt(h.Text), text = h.Text,
                }));
            else LibraryText.WriteHits(Console.Out, hits);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Remove(GlobalOptions global)
    {
        var name = NameArgument();
        var document = new Argument<string?>("document") { Description = "The document to remove, by its name in 'library list NAME' (default: the whole library)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("remove", "Remove one document from a library, or the whole library") { name, document };
        command.SetAction((parse, ct) => CliRunner.GuardAsync(async () =>
        {
            var settings = CliSettings.Load(parse.GetValue(global.Data));
            var libraryName = parse.GetValue(name)!;
            string path;
            await using (var library = await LibraryHosting.OpenAsync(settings, libraryName, create: false, ct))
            {
                path = library.Path;
                if (parse.GetValue(document) is { } one)
                {
                    if (await library.RemoveAsync(one, ct) == 0)
                        throw new LibraryException(library.Path, $"no document '{one}' in library {libraryName} (see: orchestrator library list {libraryName})");
                    Console.Out.WriteLine($"removed {one} from library {libraryName} (version {LibraryText.Short(library.Version)})");
                    return ExitCodes.Success;
                }
            }
            // The whole library: the database and its WAL files.
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
            Console.Out.WriteLine($"removed library {libraryName}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Option<string?> ModelOption() => new("--model")
    {
        Description = "GGUF model whose embeddings are fused with the lexical ranking (default: library:embeddingModel, else the default model of orchestrator.json; none: lexical only)",
    };

    private static Argument<string> NameArgument() => new("name") { Description = "The library's name (letters, digits, '.', '_', '-')" };

    private static Option<string> FormatOption()
    {
        var format = new Option<string>("--format", "-f") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        return format;
    }

    private static void WriteJson<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, ReportJson.Options));
}
