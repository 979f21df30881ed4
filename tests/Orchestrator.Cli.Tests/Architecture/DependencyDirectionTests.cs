using System.Reflection;
using Orchestrator.Engine.Sessions;
using Orchestrator.Manuscripts.Coordination;

namespace Orchestrator.Cli.Tests.Architecture;

/// <summary>
/// Hosts reference the engine and the domain, the domain references the engine, the engine references nothing of
/// ours: checked on the project files (what may be referenced) and on the built assemblies (what is).
/// </summary>
[TestFixture]
public sealed class DependencyDirectionTests
{
    [Test]
    public void Project_references_point_from_hosts_to_domain_to_engine()
    {
        var graph = ProjectGraph.Read(CliProcess.RepoRoot);

        Assert.That(graph.Projects.Select(p => p.Name), Is.SupersetOf(new[] { "Orchestrator.Engine", "Orchestrator.Manuscripts", "Orchestrator.Cli" }));
        Assert.That(graph.Violations(), Is.Empty);
    }

    [Test]
    public void Built_engine_loads_no_assembly_of_ours_and_the_domain_no_host()
    {
        var engine = typeof(SessionLoop).Assembly;
        var domain = typeof(NovelCoordinator).Assembly;
        var hosts = ProjectGraph.Read(CliProcess.RepoRoot).Projects.Where(p => p.Layer == "tools")
            .Select(p => p.Name == "Orchestrator.Cli" ? "orchestrator" : p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.That(Ours(engine), Is.Empty);
        Assert.That(Ours(domain), Does.Contain("Orchestrator.Engine"));
        Assert.That(Ours(domain).Where(hosts.Contains), Is.Empty);
    }

    [Test]
    public void A_reference_against_the_direction_is_reported()
    {
        var root = Directory.CreateTempSubdirectory("architecture-").FullName;
        try
        {
            Project(root, "engine/Orchestrator.Engine", "../Orchestrator.Manuscripts/Orchestrator.Manuscripts.csproj");
            Project(root, "engine/Orchestrator.Manuscripts", "../Orchestrator.Engine/Orchestrator.Engine.csproj", "../../tools/Orchestrator.Server/Orchestrator.Server.csproj");
            Project(root, "tools/Orchestrator.Server", "../../engine/Orchestrator.Manuscripts/Orchestrator.Manuscripts.csproj");
            Project(root, "tools/Orchestrator.Cluster", "../../engine/Orchestrator.Manuscripts/Orchestrator.Manuscripts.csproj", "../Orchestrator.Server/Orchestrator.Server.csproj");

            Assert.That(ProjectGraph.Read(root).Violations(), Is.EquivalentTo(new[]
            {
                "Orchestrator.Engine -> Orchestrator.Manuscripts (the engine references none of our projects)",
                "Orchestrator.Manuscripts -> Orchestrator.Server (a library under engine/ references a host)",
                "Orchestrator.Cluster -> Orchestrator.Server (the server and the cluster are add-ons the CLI wires together)",
            }));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static IEnumerable<string> Ours(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => n.StartsWith("Orchestrator.", StringComparison.Ordinal) || n == "orchestrator");

    private static void Project(string root, string folder, params string[] references)
    {
        var dir = Path.Combine(root, folder);
        Directory.CreateDirectory(dir);
        var items = string.Concat(references.Select(r => $"<ProjectReference Include=\"{r.Replace('/', '\\')}\" />"));
        File.WriteAllText(Path.Combine(dir, Path.GetFileName(folder) + ".csproj"), $"<Project><ItemGroup>{items}</ItemGroup></Project>");
    }
}
