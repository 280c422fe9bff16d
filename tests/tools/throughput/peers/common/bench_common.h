/* Shared by the C benchmark peers: argument parsing, clocks and the RESULT
 * line of the tests/tools/throughput client contract (tests/tools/throughput/README.md,
 * "The client contract"). Header-only so each peer stays one
 * translation unit. */
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* QoS 1 keeps at most this many publishes unacknowledged, matching the
 * broker's max_inflight_messages in compare.sh. */
#define BENCH_QOS1_WINDOW 20
/* QoS 0 has no acknowledgement; the window only bounds how many messages
 * may wait inside the library for the socket, so memory stays flat. */
#define BENCH_QOS0_WINDOW 1000

struct bench_args {
    const char *host;
    int port;
    const char *topic;
    long n;
    int size;
    int qos;
};

static inline int bench_parse_args(int argc, char **argv, struct bench_args *a)
{
    if (argc != 7) {
        fprintf(stderr, "usage: %s HOST PORT TOPIC N SIZE QOS\n", argv[0]);
        return -1;
    }
    a->host = argv[1];
    a->port = atoi(argv[2]);
    a->topic = argv[3];
    a->n = atol(argv[4]);
    a->size = atoi(argv[5]);
    a->qos = atoi(argv[6]);
    if (a->port <= 0 || a->port > 65535 || a->n <= 0 || a->size < 0 || a->qos < 0 || a->qos > 1) {
        fprintf(stderr, "%s: invalid arguments (N>0, SIZE>=0, QOS 0 or 1)\n", argv[0]);
        return -1;
    }
    return 0;
}

static inline int bench_window(int qos)
{
    return qos == 0 ? BENCH_QOS0_WINDOW : BENCH_QOS1_WINDOW;
}

static inline double bench_monotonic_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static inline double bench_epoch_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static inline char *bench_payload(int size)
{
    char *payload = malloc(size > 0 ? (size_t)size : 1);
    if (payload != NULL)
        memset(payload, 'x', size > 0 ? (size_t)size : 1);
    return payload;
}

/* The C locale (the default for a C program that never calls setlocale)
 * guarantees '.' as the decimal point the contract requires. */
static inline void bench_print_result(const char *client, const struct bench_args *a,
                                      double seconds, double start_epoch)
{
    printf("RESULT client=%s qos=%d n=%ld size=%d seconds=%.6f msgs_per_s=%.1f start_epoch=%.6f window=%d\n",
           client, a->qos, a->n, a->size, seconds, (double)a->n / seconds, start_epoch,
           bench_window(a->qos));
    fflush(stdout);
}

#endif
