/* The cost of writing a site's output tree and nothing else, for `make bench`'s lower bound (issue 8).
 *
 * Reads every file under SRC into memory first (not timed), then NPROC processes create the folders and write
 * the files under DST, each its own share of the second-level folders (huong-dan/<slug>/ …). Prints the seconds
 * from the first mkdir until the last worker exits. No generator that writes the same tree can beat it on the
 * same disk, so it bounds what any speed target can ask for.
 *
 * Usage: tree_write_floor SRC DST NPROC
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

typedef struct { char *rel; char *data; size_t len; int dir; } Entry;
static Entry *entries;
static size_t count, capacity;

static void add(const char *rel, char *data, size_t len, int dir) {
    if (count == capacity) {
        capacity = capacity ? capacity * 2 : 1024;
        entries = realloc(entries, capacity * sizeof(Entry));
        if (!entries) { perror("realloc"); exit(1); }
    }
    entries[count] = (Entry){strdup(rel), data, len, dir};
    if (!entries[count].rel) { perror("strdup"); exit(1); }
    count++;
}

/* Parents come before their children, so each worker can create folders in list order. */
static void walk(const char *root, const char *rel) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    DIR *dir = opendir(path);
    if (!dir) { perror(path); exit(1); }
    struct dirent *e;
    while ((e = readdir(dir))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        char child[4096], full[8192];
        snprintf(child, sizeof child, "%s%s%s", rel, *rel ? "/" : "", e->d_name);
        snprintf(full, sizeof full, "%s/%s", root, child);
        struct stat st;
        if (stat(full, &st) != 0) { perror(full); exit(1); }
        if (S_ISDIR(st.st_mode)) {
            add(child, NULL, 0, 1);
            walk(root, child);
        } else {
            int fd = open(full, O_RDONLY);
            char *data = malloc(st.st_size + 1);
            if (fd < 0 || !data) { perror(full); exit(1); }
            size_t got = 0;
            while (got < (size_t)st.st_size) {
                ssize_t r = read(fd, data + got, (size_t)st.st_size - got);
                if (r < 0) { perror(full); exit(1); }
                if (r == 0) break;
                got += (size_t)r;
            }
            close(fd);
            add(child, data, got, 0);
        }
    }
    closedir(dir);
}

static int top_level_dir(const Entry *e) { return e->dir && !strchr(e->rel, '/'); }

/* Which worker writes an entry: a hash of its first two path components. */
static unsigned share(const char *rel) {
    unsigned h = 0;
    int slashes = 0;
    for (const char *c = rel; *c; c++) {
        if (*c == '/' && ++slashes == 2) break;
        h = h * 31 + (unsigned char)*c;
    }
    return h;
}

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: %s SRC DST NPROC\n", argv[0]); return 2; }
    int workers = atoi(argv[3]);
    if (workers < 1) workers = 1;
    walk(argv[1], "");
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    char path[4096];
    if (mkdir(argv[2], 0755) != 0) { perror(argv[2]); return 1; }
    for (size_t i = 0; i < count; i++) {
        if (!top_level_dir(&entries[i])) continue;
        snprintf(path, sizeof path, "%s/%s", argv[2], entries[i].rel);
        mkdir(path, 0755);
    }
    for (int w = 0; w < workers; w++) {
        pid_t pid = fork();
        if (pid < 0) { perror("fork"); return 1; }
        if (pid == 0) {
            for (size_t i = 0; i < count; i++) {
                if (top_level_dir(&entries[i]) || share(entries[i].rel) % workers != (unsigned)w) continue;
                snprintf(path, sizeof path, "%s/%s", argv[2], entries[i].rel);
                if (entries[i].dir) { if (mkdir(path, 0755) != 0) { perror(path); _exit(1); } continue; }
                int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
                if (fd < 0 || write(fd, entries[i].data, entries[i].len) != (ssize_t)entries[i].len) { perror(path); _exit(1); }
                close(fd);
            }
            _exit(0);
        }
    }
    int status, failed = 0;
    while (wait(&status) > 0) failed |= !WIFEXITED(status) || WEXITSTATUS(status) != 0;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (failed) return 1;
    printf("%.4f\n", (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
    return 0;
}
