using System.Xml.Linq;

namespace Orchestrator.Cli.Tests.Architecture;

/// <summary>
/// The projects of a source tree and their <c>ProjectReference</c>s, read from the .csproj files, with the direction
/// rules of the design: the engine references none of our projects, and nothing under <c>engine/</c> (engine, domain,
/// model and library) references a host under <c>tools/</c>; the server and the cluster do not reference each other (the
/// CLI wires the cluster's silo and endpoints into the server's host).
/// </summary>
internal sealed class ProjectGraph
{
    private const string Engine = "Orchestrator.Engine";
    private const string Server = "Orchestrator.Server";
    private const string Cluster = "Orchestrator.Cluster";

    private ProjectGraph(IReadOnlyList<Project> projects) => Projects = projects;

    public IReadOnlyList<Project> Projects { get; }

    /// <param name="Layer">The top folder: <c>engine</c>, <c>tools</c> or <c>tests</c>.</param>
    public sealed record Project(string Name, string Layer, IReadOnlyList<string> References);

    public static ProjectGraph Read(string root)
    {
        var projects = new List<Project>();
        foreach (var layer in new[] { "engine", "tools" })
        {
            var folder = Path.Combine(root, layer);
            if (!Directory.Exists(folder)) continue;
            foreach (var file in Directory.EnumerateFiles(folder, "*.csproj", SearchOption.AllDirectories))
            {
                var references = XDocument.Load(file).Descendants("ProjectReference")
                    .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
                    .ToList();
                projects.Add(new Project(Path.GetFileNameWithoutExtension(file), layer, references));
            }
        }
        return new ProjectGraph(projects);
    }

    /// <summary>Each reference that goes against the direction rules, as "A -> B (why)".</summary>
    public IEnumerable<string> Violations()
    {
        var hosts = Projects.Where(p => p.Layer == "tools").Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var project in Projects)
        {
            foreach (var reference in project.References)
            {
                if (project.Name == Engine)
                    yield return $"{project.Name} -> {reference} (the engine references none of our projects)";
                else if (project.Layer == "engine" && hosts.Contains(reference))
                    yield return $"{project.Name} -> {reference} (a library under engine/ references a host)";
                else if ((project.Name, reference) is (Server, Cluster) or (Cluster, Server))
                    yield return $"{project.Name} -> {reference} (the server and the cluster are add-ons the CLI wires together)";
            }
        }
    }
}
