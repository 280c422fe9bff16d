/* Benchmark peer: Eclipse Paho C asynchronous client (MQTTAsync) following
 * the tests/tools/throughput contract. The library owns its network threads; the main
 * thread only queues publishes, keeping at most a window outstanding. */
#include <MQTTAsync.h>
#include <errno.h>
#include <pthread.h>
#include <unistd.h>

#include "../common/bench_common.h"

#define CLIENT_NAME "paho-c"
#define DEADLINE_SECONDS 300

struct publisher {
    pthread_mutex_t lock;
    pthread_cond_t changed;
    int connected;
    int disconnected;
    int failed;
    long completed;
};

static void signal_change(struct publisher *p)
{
    pthread_cond_broadcast(&p->changed);
    pthread_mutex_unlock(&p->lock);
}

static void on_connected(void *context, MQTTAsync_successData *response)
{
    struct publisher *p = context;
    (void)response;
    pthread_mutex_lock(&p->lock);
    p->connected = 1;
    signal_change(p);
}

static void on_failed(void *context, MQTTAsync_failureData *response)
{
    struct publisher *p = context;
    fprintf(stderr, CLIENT_NAME ": request failed: code %d %s\n", response ? response->code : 0,
            response && response->message ? response->message : "");
    pthread_mutex_lock(&p->lock);
    p->failed = 1;
    signal_change(p);
}

/* QoS 0: called once the PUBLISH is written to the socket.
 * QoS 1: called when its PUBACK arrives. */
static void on_published(void *context, MQTTAsync_successData *response)
{
    struct publisher *p = context;
    (void)response;
    pthread_mutex_lock(&p->lock);
    p->completed++;
    signal_change(p);
}

static void on_disconnected(void *context, MQTTAsync_successData *response)
{
    struct publisher *p = context;
    (void)response;
    pthread_mutex_lock(&p->lock);
    p->disconnected = 1;
    signal_change(p);
}

static void on_connection_lost(void *context, char *cause)
{
    struct publisher *p = context;
    fprintf(stderr, CLIENT_NAME ": connection lost: %s\n", cause ? cause : "unknown");
    pthread_mutex_lock(&p->lock);
    p->failed = 1;
    signal_change(p);
}

/* The library insists on a message handler even for a publish-only client. */
static int on_message(void *context, char *topic, int topic_len, MQTTAsync_message *message)
{
    (void)context;
    (void)topic_len;
    MQTTAsync_freeMessage(&message);
    MQTTAsync_free(topic);
    return 1;
}

/* Waits with p->lock held until *flag is set or the run fails or times out. */
static int wait_for(struct publisher *p, const int *flag, const struct timespec *deadline)
{
    while (!*flag && !p->failed) {
        if (pthread_cond_timedwait(&p->changed, &p->lock, deadline) == ETIMEDOUT)
            return -1;
    }
    return p->failed ? -1 : 0;
}

static int publish_all(MQTTAsync client, struct publisher *p, const struct bench_args *a,
                       const struct timespec *deadline)
{
    char *payload = bench_payload(a->size);
    long window = bench_window(a->qos);
    MQTTAsync_message message = MQTTAsync_message_initializer;
    MQTTAsync_responseOptions options = MQTTAsync_responseOptions_initializer;

    if (payload == NULL)
        return -1;
    message.payload = payload;
    message.payloadlen = a->size;
    message.qos = a->qos;
    message.retained = 0;
    options.onSuccess = on_published;
    options.onFailure = on_failed;
    options.context = p;

    double start_epoch = bench_epoch_seconds();
    double start = bench_monotonic_seconds();
    for (long sent = 0; sent < a->n; sent++) {
        pthread_mutex_lock(&p->lock);
        while (sent - p->completed >= window && !p->failed) {
            if (pthread_cond_timedwait(&p->changed, &p->lock, deadline) == ETIMEDOUT)
                p->failed = 1;
        }
        int failed = p->failed;
        pthread_mutex_unlock(&p->lock);
        if (failed) {
            free(payload);
            return -1;
        }
        int rc = MQTTAsync_sendMessage(client, a->topic, &message, &options);
        if (rc != MQTTASYNC_SUCCESS) {
            fprintf(stderr, CLIENT_NAME ": sendMessage failed: %d\n", rc);
            free(payload);
            return -1;
        }
    }
    pthread_mutex_lock(&p->lock);
    while (p->completed < a->n && !p->failed) {
        if (pthread_cond_timedwait(&p->changed, &p->lock, deadline) == ETIMEDOUT)
            p->failed = 1;
    }
    int failed = p->failed;
    long completed = p->completed;
    pthread_mutex_unlock(&p->lock);
    double seconds = bench_monotonic_seconds() - start;
    free(payload);
    if (failed) {
        fprintf(stderr, CLIENT_NAME ": %ld of %ld complete\n", completed, a->n);
        return -1;
    }
    bench_print_result(CLIENT_NAME, a, seconds, start_epoch);
    return 0;
}

static int run(MQTTAsync client, struct publisher *p, const struct bench_args *a)
{
    struct timespec deadline;
    MQTTAsync_connectOptions connect = MQTTAsync_connectOptions_initializer;
    MQTTAsync_disconnectOptions disconnect = MQTTAsync_disconnectOptions_initializer;

    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += DEADLINE_SECONDS;

    connect.keepAliveInterval = 60;
    connect.cleansession = 1;
    connect.maxInflight = BENCH_QOS1_WINDOW;
    connect.MQTTVersion = MQTTVERSION_3_1_1;
    connect.automaticReconnect = 0;
    connect.onSuccess = on_connected;
    connect.onFailure = on_failed;
    connect.context = p;
    if (MQTTAsync_connect(client, &connect) != MQTTASYNC_SUCCESS) {
        fprintf(stderr, CLIENT_NAME ": cannot start connecting\n");
        return -1;
    }
    pthread_mutex_lock(&p->lock);
    int rc = wait_for(p, &p->connected, &deadline);
    pthread_mutex_unlock(&p->lock);
    if (rc != 0) {
        fprintf(stderr, CLIENT_NAME ": not connected\n");
        return -1;
    }

    rc = publish_all(client, p, a, &deadline);

    disconnect.timeout = 1000;
    disconnect.onSuccess = on_disconnected;
    disconnect.context = p;
    if (MQTTAsync_disconnect(client, &disconnect) == MQTTASYNC_SUCCESS) {
        pthread_mutex_lock(&p->lock);
        wait_for(p, &p->disconnected, &deadline);
        pthread_mutex_unlock(&p->lock);
    }
    return rc;
}

int main(int argc, char **argv)
{
    struct bench_args args;
    struct publisher p = {.lock = PTHREAD_MUTEX_INITIALIZER, .changed = PTHREAD_COND_INITIALIZER};
    char uri[300];
    char client_id[64];
    MQTTAsync client;
    MQTTAsync_createOptions create = MQTTAsync_createOptions_initializer;

    if (bench_parse_args(argc, argv, &args) != 0)
        return 2;
    snprintf(uri, sizeof uri, "tcp://%s:%d", args.host, args.port);
    snprintf(client_id, sizeof client_id, "bench-" CLIENT_NAME "-%d", (int)getpid());
    create.sendWhileDisconnected = 0;
    create.MQTTVersion = MQTTVERSION_3_1_1;
    /* Paho counts queued publishes against this limit even when connected. */
    create.maxBufferedMessages = BENCH_QOS0_WINDOW + BENCH_QOS1_WINDOW;
    if (MQTTAsync_createWithOptions(&client, uri, client_id, MQTTCLIENT_PERSISTENCE_NONE, NULL, &create)
        != MQTTASYNC_SUCCESS) {
        fprintf(stderr, CLIENT_NAME ": cannot create client\n");
        return 1;
    }
    MQTTAsync_setCallbacks(client, &p, on_connection_lost, on_message, NULL);

    int rc = run(client, &p, &args);

    MQTTAsync_destroy(&client);
    return rc == 0 ? 0 : 1;
}
