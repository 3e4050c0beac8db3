package dev.keel.history;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.diff.ContentSource;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.NotIgnoredFilter;
import org.eclipse.jgit.treewalk.filter.OrTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.PathSuffixFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The git repository that holds a project, opened read-only through JGit: revisions resolved with
 * errors a user can act on, commits as {@link TreeFileSystem trees}, and git's rename detection
 * between a commit and the work tree.
 */
public final class GitRepository implements AutoCloseable {
  /** A commit: its id, when it was made, its first line. */
  public record Commit(String id, Instant when, String subject) {
    public String shortId() {
      return id.substring(0, Math.min(10, id.length()));
    }
  }

  private final Repository repository;
  private final Path workTree;
  private final String projectPrefix;

  private GitRepository(Repository repository, Path workTree, String projectPrefix) {
    this.repository = repository;
    this.workTree = workTree;
    this.projectPrefix = projectPrefix;
  }

  /**
   * The repository whose work tree holds {@code projectRoot}.
   *
   * @throws HistoryException when there is none, or it has no work tree
   */
  public static GitRepository open(Path projectRoot, String what) {
    Path root = projectRoot.toAbsolutePath().normalize();
    FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment();
    builder.findGitDir(root.toFile());
    if (builder.getGitDir() == null) {
      throw new HistoryException(
          "not a git repository (nor any parent folder): "
              + root
              + "; "
              + what
              + " reads the project's git history");
    }
    Repository repo;
    try {
      repo = builder.setMustExist(true).build();
    } catch (IOException | IllegalArgumentException e) {
      throw new HistoryException(
          "cannot open the git repository at " + builder.getGitDir() + ": " + e.getMessage());
    }
    if (repo.isBare()) {
      repo.close();
      throw new HistoryException(
          "the git repository at "
              + builder.getGitDir()
              + " has no work tree; "
              + what
              + " compares with a work tree");
    }
    Path work;
    try {
      work = repo.getWorkTree().toPath().toRealPath();
    } catch (IOException e) {
      work = repo.getWorkTree().toPath().toAbsolutePath().normalize();
    }
    Path real;
    try {
      real = root.toRealPath();
    } catch (IOException e) {
      real = root;
    }
    String prefix =
        real.startsWith(work) ? work.relativize(real).toString().replace('\\', '/') : "";
    return new GitRepository(repo, work, prefix);
  }

  /** The project's folder relative to the work tree's top ({@code ""} at the top). */
  public String projectPrefix() {
    return projectPrefix;
  }

  public Path workTree() {
    return workTree;
  }

  /** Whether this clone is shallow: older history is missing. */
  public boolean isShallow() {
    try {
      return !repository.getObjectDatabase().getShallowCommits().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The commit {@code ref} names ({@code origin/main}, {@code HEAD~1}, a tag, a sha).
   *
   * @throws HistoryException for an unknown or ambiguous revision, or one a shallow clone lacks
   */
  public Commit resolve(String ref) {
    ObjectId id;
    try {
      id = repository.resolve(ref + "^{commit}");
    } catch (AmbiguousObjectException e) {
      throw new HistoryException("the revision '" + ref + "' is ambiguous: give more of the sha");
    } catch (RevisionSyntaxException | IncorrectObjectTypeException e) {
      throw new HistoryException("'" + ref + "' is not a revision that names a commit");
    } catch (MissingObjectException e) {
      throw missing(ref);
    } catch (IOException e) {
      throw new HistoryException("cannot resolve '" + ref + "': " + e.getMessage());
    }
    if (id == null) {
      throw missing(ref);
    }
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit c = walk.parseCommit(id);
      return commit(c);
    } catch (MissingObjectException e) {
      throw missing(ref);
    } catch (IOException e) {
      throw new HistoryException("cannot read commit " + id.name() + ": " + e.getMessage());
    }
  }

  private HistoryException missing(String ref) {
    if (isShallow()) {
      return new HistoryException(
          "unknown revision '"
              + ref
              + "': this is a shallow clone and it does not hold that commit; fetch the history"
              + " (git fetch --unshallow, or git fetch --depth=100 origin; in GitHub Actions,"
              + " actions/checkout with fetch-depth: 0)");
    }
    return new HistoryException(
        "unknown revision '"
            + ref
            + "': no branch, tag or commit of that name in "
            + workTree
            + " (a remote branch may need git fetch first)");
  }

  private static Commit commit(RevCommit c) {
    return new Commit(c.getName(), Instant.ofEpochSecond(c.getCommitTime()), c.getShortMessage());
  }

  /** The tree of {@code commit} as a read-only file system. */
  public TreeFileSystem tree(Commit commit) {
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit c = walk.parseCommit(ObjectId.fromString(commit.id()));
      return TreeFileSystem.of(repository, c.getTree(), commit.shortId());
    } catch (IOException e) {
      throw new HistoryException(
          "cannot read the tree of " + commit.shortId() + ": " + e.getMessage());
    }
  }

  /** The folder to audit in {@code tree}: the project's folder at that commit. */
  public Path projectIn(TreeFileSystem tree) {
    return projectPrefix.isEmpty() ? tree.root() : tree.root().resolve(projectPrefix);
  }

  /**
   * Python files renamed between {@code from} and the work tree (committed or not), as git's rename
   * detection sees them: old path to new path, both relative to the project folder.
   */
  public Map<String, String> renamesSince(Commit from) {
    Map<String, String> out = new LinkedHashMap<>();
    try (RevWalk walk = new RevWalk(repository);
        ObjectReader reader = repository.newObjectReader();
        TreeWalk tw = new TreeWalk(repository, reader)) {
      TreeFilter python =
          OrTreeFilter.create(PathSuffixFilter.create(".py"), PathSuffixFilter.create(".pyi"));
      TreeFilter filter = AndTreeFilter.create(new NotIgnoredFilter(1), python);
      if (!projectPrefix.isEmpty()) {
        filter = AndTreeFilter.create(PathFilter.create(projectPrefix), filter);
      }
      tw.setRecursive(true);
      tw.setFilter(AndTreeFilter.create(filter, TreeFilter.ANY_DIFF));
      tw.addTree(walk.parseCommit(ObjectId.fromString(from.id())).getTree());
      tw.addTree(new FileTreeIterator(repository));
      List<DiffEntry> diffs = DiffEntry.scan(tw);
      RenameDetector renames = new RenameDetector(repository);
      renames.setRenameScore(RENAME_SCORE);
      renames.addAll(diffs);
      ContentSource workTreeFiles = new WorkTreeSource(workTree);
      for (DiffEntry d :
          renames.compute(
              new ContentSource.Pair(ContentSource.create(reader), workTreeFiles),
              NullProgressMonitor.INSTANCE)) {
        if (d.getChangeType() == DiffEntry.ChangeType.RENAME) {
          out.put(local(d.getOldPath()), local(d.getNewPath()));
        }
      }
    } catch (IOException | org.eclipse.jgit.api.errors.CanceledException e) {
      throw new HistoryException(
          "cannot compare " + from.shortId() + " with the work tree: " + e.getMessage());
    }
    return out;
  }

  /** git's default similarity for a rename (diff.renames, -M): 50%. */
  static final int RENAME_SCORE = 50;

  /**
   * Files of the work tree as rename detection reads them (JGit's own source re-walks the tree).
   */
  private static final class WorkTreeSource extends ContentSource {
    private final Path top;

    WorkTreeSource(Path top) {
      this.top = top;
    }

    @Override
    public long size(String path, ObjectId id) throws IOException {
      return java.nio.file.Files.size(top.resolve(path));
    }

    @Override
    public org.eclipse.jgit.lib.ObjectLoader open(String path, ObjectId id) throws IOException {
      return new org.eclipse.jgit.lib.ObjectLoader.SmallObject(
          org.eclipse.jgit.lib.Constants.OBJ_BLOB,
          java.nio.file.Files.readAllBytes(top.resolve(path)));
    }
  }

  private String local(String repoPath) {
    return projectPrefix.isEmpty() ? repoPath : repoPath.substring(projectPrefix.length() + 1);
  }

  /**
   * Commits reachable from HEAD along first parents, newest first, at most {@code limit}, none
   * older than {@code since}.
   */
  public List<Commit> firstParentLog(int limit, Instant since) {
    List<Commit> out = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repository)) {
      ObjectId head = repository.resolve("HEAD");
      if (head == null) {
        return out;
      }
      RevCommit c = walk.parseCommit(head);
      while (c != null && out.size() < limit) {
        if (Instant.ofEpochSecond(c.getCommitTime()).isBefore(since)) {
          break;
        }
        out.add(commit(c));
        if (c.getParentCount() == 0) {
          break;
        }
        try {
          c = walk.parseCommit(c.getParent(0));
        } catch (MissingObjectException e) {
          break; // the edge of a shallow clone
        }
      }
    } catch (IOException e) {
      throw new HistoryException("cannot read the history: " + e.getMessage());
    }
    return out;
  }

  Repository repository() {
    return repository;
  }

  @Override
  public void close() {
    repository.close();
  }
}
