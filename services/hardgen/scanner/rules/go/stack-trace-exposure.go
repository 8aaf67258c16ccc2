package main

import (
	"fmt"
	"log"
	"net/http"
	"runtime"
	"runtime/debug"
)

func recoverToClient(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if rec := recover(); rec != nil {
			// ruleid: go-stack-trace-exposure
			http.Error(w, fmt.Sprintf("panic: %v\n%s", rec, debug.Stack()), http.StatusInternalServerError)
		}
	}()
}

func writeStack(w http.ResponseWriter, r *http.Request) {
	trace := debug.Stack()
	// ruleid: go-stack-trace-exposure
	w.Write(trace)
}

func runtimeStack(w http.ResponseWriter, r *http.Request) {
	buf := make([]byte, 4096)
	n := runtime.Stack(buf, false)
	// ruleid: go-stack-trace-exposure
	fmt.Fprintf(w, "error\n%s", buf[:n])
}

func logged(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if rec := recover(); rec != nil {
			log.Printf("panic: %v\n%s", rec, debug.Stack())
			// ok: go-stack-trace-exposure
			http.Error(w, "internal error", http.StatusInternalServerError)
		}
	}()
}

func errorText(w http.ResponseWriter, r *http.Request, err error) {
	// ok: go-stack-trace-exposure
	http.Error(w, err.Error(), http.StatusInternalServerError)
}
